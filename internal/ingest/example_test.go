package ingest_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/fulcrum-dev/fulcrum/internal/doc"
	"github.com/fulcrum-dev/fulcrum/internal/ingest"
)

func ExampleReader_Read() {
	dir, _ := os.MkdirTemp("", "ingest-example")
	defer os.RemoveAll(dir)
	os.WriteFile(filepath.Join(dir, "speech.txt"), []byte("\ufeffMinsk will not join any bloc.\r\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "notes.jsonl"), []byte(`{"id": 1, "date": "2019-03-05", "author": "BLR", "text": "We welcome the talks."}`+"\n{oops\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "empty.md"), nil, 0o644)

	r := ingest.New(ingest.Options{})
	errs := r.Read(context.Background(), []string{dir}, nil, func(d doc.Document) error {
		fmt.Printf("%s %s %q %s\n", filepath.Base(d.Source), d.Format, d.Text, d.Date.Format("2006-01-02"))
		return nil
	})
	for _, err := range errs {
		fmt.Println(strings.ReplaceAll(err.Error(), dir+string(filepath.Separator), ""))
	}
	// Output:
	// notes.jsonl#1 jsonl "We welcome the talks." 2019-03-05
	// speech.txt text "Minsk will not join any bloc.\n" 0001-01-01
	// ingest: empty.md: empty document (0 bytes)
	// ingest: notes.jsonl:2: offset 83: json: invalid character 'o' looking for beginning of object key string
}
