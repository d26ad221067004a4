package votes

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"time"
)

// The embedded encoding is a gzip stream of:
//
//	magic "FULCRUM-UNGA\x01"
//	countries: n, then per country iso3, iso2, name, first and last vote
//	           (days since 1900-01-01), n_votes, n_yes, n_abstain, n_no
//	issues:    n, then code, name
//	roll calls: n, then per roll call rcid delta, session, days, unres,
//	           flags (3×(important+1)+… in base 3), short, descr,
//	           issue count and issue indices
//	votes:     rolls × countries bytes, row-major, each 0 (absent) … 3 (no)
//	ideal:     n, then ccode, iso3, name, session, year, nvotes and 14
//	           numbers as shortest decimal strings ("" for NaN)
//	magic "END"
//
// Integers are unsigned varints, strings a varint length and bytes.
const (
	magic    = "FULCRUM-UNGA\x01"
	endMagic = "END"
	maxBytes = 64 << 20 // decoded size limit
)

var epoch = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)

// ErrCorrupt is matched by every decoding error of [Decode].
var ErrCorrupt = errors.New("corrupt vote data")

// Encode writes d in the embedded encoding (gzip, best compression).
func Encode(w io.Writer, d *Data) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("encode vote data: %w", err)
	}
	e := &encoder{w: bufio.NewWriter(zw)}
	e.raw(magic)
	e.uint(len(d.countries))
	for _, c := range d.countries {
		e.str(c.ISO3)
		e.str(c.ISO2)
		e.str(c.Name)
		e.date(c.FirstVote)
		e.date(c.LastVote)
		for _, n := range []int{c.NVotes, c.NYes, c.NAbstain, c.NNo} {
			e.uint(n)
		}
	}
	e.uint(len(d.issues))
	issueIdx := map[string]int{}
	for i, is := range d.issues {
		e.str(is.code)
		e.str(is.name)
		issueIdx[is.code] = i
	}
	e.uint(len(d.rolls))
	last := 0
	for _, r := range d.rolls {
		e.uint(r.RCID - last)
		last = r.RCID
		e.uint(r.Session)
		e.date(r.Date)
		e.str(r.Resolution)
		e.uint(int(r.Important+1)*9 + int(r.Amend+1)*3 + int(r.Para+1))
		e.str(r.Short)
		e.str(r.Descr)
		e.uint(len(r.Issues))
		for _, is := range r.Issues {
			e.uint(issueIdx[is])
		}
	}
	for _, v := range d.votes {
		e.w.WriteByte(byte(v))
	}
	e.uint(len(d.ideal))
	for _, p := range d.ideal {
		e.uint(p.CCode)
		e.str(p.ISO3)
		e.str(p.Name)
		e.uint(p.Session)
		e.uint(p.Year)
		e.uint(p.NVotes)
		for _, x := range p.floats() {
			if math.IsNaN(*x) {
				e.str("")
			} else {
				e.str(strconv.FormatFloat(*x, 'g', -1, 64))
			}
		}
	}
	e.raw(endMagic)
	if e.err != nil {
		return fmt.Errorf("encode vote data: %w", e.err)
	}
	if err := e.w.Flush(); err != nil {
		return fmt.Errorf("encode vote data: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("encode vote data: %w", err)
	}
	return nil
}

type encoder struct {
	w   *bufio.Writer
	buf [binary.MaxVarintLen64]byte
	err error
}

func (e *encoder) uint(n int) {
	if n < 0 && e.err == nil {
		e.err = fmt.Errorf("negative number %d", n)
	}
	k := binary.PutUvarint(e.buf[:], uint64(n))
	e.w.Write(e.buf[:k])
}

func (e *encoder) str(s string) {
	e.uint(len(s))
	e.w.WriteString(s)
}

func (e *encoder) raw(s string) { e.w.WriteString(s) }

func (e *encoder) date(t time.Time) {
	days := int(t.Sub(epoch).Hours()) / 24
	if !epoch.AddDate(0, 0, days).Equal(t) && e.err == nil {
		e.err = fmt.Errorf("date %v is not a UTC day on or after 1900-01-01", t)
	}
	e.uint(days)
}

// Decode reads data written by [Encode]. Errors match [ErrCorrupt] and name
// the byte offset in the decompressed stream.
func Decode(r io.Reader) (*Data, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("decode vote data: %w: %w", ErrCorrupt, err)
	}
	b, err := io.ReadAll(io.LimitReader(zr, maxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("decode vote data: %w: %w", ErrCorrupt, err)
	}
	if len(b) > maxBytes {
		return nil, fmt.Errorf("decode vote data: %w: more than %d bytes", ErrCorrupt, maxBytes)
	}
	return decodeRaw(b)
}

func decodeRaw(b []byte) (*Data, error) {
	dc := &decoder{b: b}
	d := &Data{}
	dc.magic(magic)
	nc := dc.count(1000, 5)
	d.countries = make([]Country, nc)
	for i := range d.countries {
		c := &d.countries[i]
		c.ISO3, c.ISO2, c.Name = dc.code(), dc.str(), dc.str()
		c.FirstVote, c.LastVote = dc.date(), dc.date()
		c.NVotes, c.NYes, c.NAbstain, c.NNo = dc.uint(), dc.uint(), dc.uint(), dc.uint()
		if i > 0 && dc.err == nil && d.countries[i-1].ISO3 >= c.ISO3 {
			dc.fail("country %s out of order", c.ISO3)
		}
	}
	ni := dc.count(64, 2)
	d.issues = make([]issue, ni)
	for i := range d.issues {
		d.issues[i] = issue{dc.str(), dc.str()}
	}
	nr := dc.count(1_000_000, 8)
	d.rolls = make([]RollCall, nr)
	rcid := 0
	for i := range d.rolls {
		r := &d.rolls[i]
		delta := dc.uint()
		if delta == 0 && dc.err == nil {
			dc.fail("roll call %d: rcid not increasing", i)
		}
		rcid += delta
		r.RCID = rcid
		r.Session = dc.uint()
		r.Date = dc.date()
		r.Year = r.Date.Year()
		r.Resolution = dc.str()
		fl := dc.uint()
		if fl >= 27 && dc.err == nil {
			dc.fail("roll call %d: flags %d out of range", rcid, fl)
		}
		r.Important, r.Amend, r.Para = int8(fl/9)-1, int8(fl/3%3)-1, int8(fl%3)-1
		r.Short, r.Descr = dc.str(), dc.str()
		if k := dc.count(ni, 1); k > 0 {
			r.Issues = make([]string, k)
			for j := range r.Issues {
				x := dc.uint()
				if x >= ni {
					if dc.err == nil {
						dc.fail("roll call %d: issue index %d out of range", rcid, x)
					}
					continue
				}
				r.Issues[j] = d.issues[x].code
			}
		}
	}
	raw := dc.bytes(nr * nc)
	d.votes = make([]Vote, len(raw))
	for i, v := range raw {
		if v > byte(No) {
			if dc.err == nil {
				dc.err = fmt.Errorf("offset %d: vote code %d", dc.off-len(raw)+i, v)
			}
			break
		}
		d.votes[i] = Vote(v)
	}
	np := dc.count(1_000_000, 20)
	d.ideal = make([]IdealPoint, np)
	for i := range d.ideal {
		p := &d.ideal[i]
		p.CCode = dc.uint()
		p.ISO3, p.Name = dc.code(), dc.str()
		p.Session, p.Year, p.NVotes = dc.uint(), dc.uint(), dc.uint()
		for _, x := range p.floats() {
			*x = dc.float()
		}
		p.State = voteState(p.CCode, p.ISO3)
	}
	dc.magic(endMagic)
	if dc.err == nil && dc.off != len(b) {
		dc.fail("%d trailing bytes", len(b)-dc.off)
	}
	if dc.err != nil {
		return nil, fmt.Errorf("decode vote data: %w: %w", ErrCorrupt, dc.err)
	}
	d.finish()
	return d, nil
}

// decoder reads the raw stream; the first error sticks and later reads
// return zero values.
type decoder struct {
	b   []byte
	off int
	err error
}

func (dc *decoder) fail(format string, args ...any) {
	if dc.err == nil {
		dc.err = fmt.Errorf("offset %d: %s", dc.off, fmt.Sprintf(format, args...))
	}
}

func (dc *decoder) magic(m string) {
	if dc.err != nil {
		return
	}
	if len(dc.b)-dc.off < len(m) || string(dc.b[dc.off:dc.off+len(m)]) != m {
		dc.fail("missing marker %q", m)
		return
	}
	dc.off += len(m)
}

func (dc *decoder) uint() int {
	if dc.err != nil {
		return 0
	}
	x, k := binary.Uvarint(dc.b[dc.off:])
	if k <= 0 || x > math.MaxInt32 {
		dc.fail("bad number")
		return 0
	}
	dc.off += k
	return int(x)
}

// count reads a length of at most limit whose items need at least minSize
// bytes each.
func (dc *decoder) count(limit, minSize int) int {
	n := dc.uint()
	if n > limit || n*minSize > len(dc.b)-dc.off {
		dc.fail("count %d too large", n)
		return 0
	}
	return n
}

func (dc *decoder) bytes(n int) []byte {
	if dc.err != nil {
		return nil
	}
	if n > len(dc.b)-dc.off {
		dc.fail("need %d bytes, have %d", n, len(dc.b)-dc.off)
		return nil
	}
	s := dc.b[dc.off : dc.off+n]
	dc.off += n
	return s
}

func (dc *decoder) str() string { return string(dc.bytes(dc.uint())) }

func (dc *decoder) code() string {
	s := dc.str()
	if dc.err == nil && !validCode(s) {
		dc.fail("code %q is not three upper-case letters", s)
	}
	return s
}

func (dc *decoder) date() time.Time {
	n := dc.uint()
	if n > 200*366 {
		dc.fail("day %d out of range", n)
	}
	return epoch.AddDate(0, 0, n)
}

func (dc *decoder) float() float64 {
	s := dc.str()
	if s == "" || dc.err != nil {
		return nan
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		dc.fail("number %q", s)
		return nan
	}
	return x
}
