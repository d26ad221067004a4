package votes

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"testing"
)

func tinyRaw(tb testing.TB) []byte {
	tb.Helper()
	d, err := ReadShared("testdata/tiny", "testdata/tiny")
	if err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Encode(&buf, d); err != nil {
		tb.Fatal(err)
	}
	zr, err := gzip.NewReader(&buf)
	if err != nil {
		tb.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		tb.Fatal(err)
	}
	return raw
}

func TestDecodeCorrupt(t *testing.T) {
	raw := tinyRaw(t)
	tests := []struct {
		name string
		in   []byte
	}{
		{"empty", nil},
		{"bad magic", append([]byte("XULCRUM"), raw[7:]...)},
		{"truncated", raw[:len(raw)/2]},
		{"no end marker", raw[:len(raw)-3]},
		{"trailing bytes", append(append([]byte{}, raw...), 0)},
		{"huge count", append([]byte(magic), 0xff, 0xff, 0xff, 0x7f)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := decodeRaw(tc.in); !errors.Is(err, ErrCorrupt) {
				t.Errorf("got %v, want ErrCorrupt", err)
			}
		})
	}
	if _, err := Decode(bytes.NewReader([]byte("not gzip"))); !errors.Is(err, ErrCorrupt) {
		t.Errorf("not gzip: got %v, want ErrCorrupt", err)
	}
}

func TestEncodeRoundTrip(t *testing.T) {
	raw := tinyRaw(t)
	d, err := decodeRaw(raw)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Encode(&buf, d); err != nil {
		t.Fatal(err)
	}
	d2, err := Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(d2.rolls) != 8 || len(d2.countries) != 5 || !bytes.Equal(votesBytes(d2), votesBytes(d)) {
		t.Errorf("round trip changed the data")
	}
}

func votesBytes(d *Data) []byte {
	b := make([]byte, len(d.votes))
	for i, v := range d.votes {
		b[i] = byte(v)
	}
	return b
}

// FuzzDecode feeds arbitrary decompressed streams to the decoder: it never
// panics, fails only with ErrCorrupt, and what it accepts encodes back to
// the same bytes.
func FuzzDecode(f *testing.F) {
	raw := tinyRaw(f)
	f.Add(raw)
	f.Add(raw[:40])
	f.Add([]byte(magic))
	f.Fuzz(func(t *testing.T, in []byte) {
		d, err := decodeRaw(in)
		if err != nil {
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("error %v does not match ErrCorrupt", err)
			}
			return
		}
		var buf bytes.Buffer
		if err := Encode(&buf, d); err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		again, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		d2, err := decodeRaw(again)
		if err != nil {
			t.Fatalf("re-encoded data does not decode: %v", err)
		}
		if !bytes.Equal(votesBytes(d), votesBytes(d2)) || len(d.rolls) != len(d2.rolls) || len(d.ideal) != len(d2.ideal) {
			t.Fatal("round trip changed the data")
		}
	})
}
