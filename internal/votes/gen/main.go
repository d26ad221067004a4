// Command gen encodes the shared UNGA vote and ideal-point CSV files into
// the compact file that package votes embeds. Run it with go generate in
// internal/votes:
//
//	go run ./gen -shared ../../../shared/data -o data/unga.bin.gz
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/fulcrum-dev/fulcrum/internal/votes"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintf(os.Stderr, "Error: %v\n", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	shared := fs.String("shared", "../../../shared/data", "shared data `folder` holding unga_votes_unvotes/ and unga_ideal_points/")
	out := fs.String("o", "data/unga.bin.gz", "output `file`")
	if err := fs.Parse(args); err != nil {
		return err
	}
	d, err := votes.ReadShared(filepath.Join(*shared, "unga_votes_unvotes"), filepath.Join(*shared, "unga_ideal_points"))
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := votes.Encode(&buf, d); err != nil {
		return err
	}
	// Check the round trip before replacing the embedded file.
	if _, err := votes.Decode(bytes.NewReader(buf.Bytes())); err != nil {
		return fmt.Errorf("round trip: %w", err)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", *out, err)
	}
	fmt.Printf("wrote %s: %d bytes, %d roll calls, %d states, %d ideal points\n",
		*out, buf.Len(), len(d.RollCalls()), len(d.States()), len(d.AllIdealPoints()))
	return nil
}
