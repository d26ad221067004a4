package datasets

import (
	"archive/zip"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// input is an opened event file: plain, .zip (first file entry, as GDELT
// distributes them) or .gz, read as a stream.
type input struct {
	path string
	rc   io.ReadCloser
	file *os.File // the plain file, for seeking; nil for compressed input
	size int64    // uncompressed size when known, else -1
	kind string   // "plain", "zip" or "gzip"
	zipc io.Closer
}

func openInput(path string) (*input, error) {
	ext := strings.ToLower(filepath.Ext(path))
	switch ext {
	case ".zip":
		zr, err := zip.OpenReader(path)
		if err != nil {
			return nil, fmt.Errorf("open %s: %w", path, err)
		}
		for _, f := range zr.File {
			if f.FileInfo().IsDir() {
				continue
			}
			rc, err := f.Open()
			if err != nil {
				zr.Close()
				return nil, fmt.Errorf("open %s in %s: %w", f.Name, path, err)
			}
			return &input{path: path, rc: rc, size: int64(f.UncompressedSize64), kind: "zip", zipc: zr}, nil
		}
		zr.Close()
		return nil, fmt.Errorf("open %s: zip archive holds no file", path)
	case ".gz":
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("open %s: %w", path, err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("open %s: %w", path, err)
		}
		return &input{path: path, rc: struct {
			io.Reader
			io.Closer
		}{zr, f}, size: -1, kind: "gzip"}, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("stat %s: %w", path, err)
	}
	if st.IsDir() {
		f.Close()
		return nil, fmt.Errorf("open %s: is a directory", path)
	}
	return &input{path: path, rc: f, file: f, size: st.Size(), kind: "plain"}, nil
}

func (in *input) Close() error {
	err := in.rc.Close()
	if in.zipc != nil {
		if e := in.zipc.Close(); err == nil {
			err = e
		}
	}
	return err
}

// fileKey identifies a file by content, not path: the SHA-256 of its first
// 64 KiB and its size on disk. Renaming or moving a file keeps its key, so a
// resumed or repeated import finds its progress.
func fileKey(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return "", fmt.Errorf("stat %s: %w", path, err)
	}
	h := sha256.New()
	if _, err := io.CopyN(h, f, 64<<10); err != nil && err != io.EOF {
		return "", fmt.Errorf("read %s: %w", path, err)
	}
	fmt.Fprintf(h, "|%d", st.Size())
	return hex.EncodeToString(h.Sum(nil)[:16]), nil
}
