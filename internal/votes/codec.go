package votes

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
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
//	           numbers as exact decimals (see encoder.float)
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
			e.float(*x)
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

// float writes x as a header h and, for decimals, a mantissa: h = 0 is
// NaN; h = 1 is a decimal string that follows; h ≥ 2 encodes
// (h−2) = 2·k + sign with x = ±m / 10^k, m < 2^53 and k ≤ 22, so that the
// decoder's one IEEE division gives exactly the correctly rounded value
// that strconv.ParseFloat would.
func (e *encoder) float(x float64) {
	if math.IsNaN(x) {
		e.uint(0)
		return
	}
	if m, k, neg, ok := decimal(x); ok {
		sign := 0
		if neg {
			sign = 1
		}
		e.uint(2 + 2*k + sign)
		e.w.Write(binary.AppendUvarint(e.buf[:0], m))
		return
	}
	e.uint(1)
	e.str(strconv.FormatFloat(x, 'g', -1, 64))
}

// pow10 holds the powers of ten that float64 represents exactly.
var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// decimal splits x's shortest decimal form into ±m / 10^k when m < 2^53
// and k ≤ 22, checking that the division gives x back.
func decimal(x float64) (m uint64, k int, neg bool, ok bool) {
	s := strconv.FormatFloat(x, 'f', -1, 64)
	if neg = strings.HasPrefix(s, "-"); neg {
		s = s[1:]
	}
	if i := strings.IndexByte(s, '.'); i >= 0 {
		k = len(s) - i - 1
		s = s[:i] + s[i+1:]
	}
	m, err := strconv.ParseUint(s, 10, 64)
	if err != nil || m >= 1<<53 || k >= len(pow10) {
		return 0, 0, false, false
	}
	y := float64(m) / pow10[k]
	if neg {
		y = -y
	}
	return m, k, neg, y == x && math.Signbit(y) == math.Signbit(x)
}

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
	gz, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("decode vote data: %w", err)
	}
	return decodeGzip(gz)
}

// decodeGzip decompresses gz into one buffer sized from the gzip trailer's
// length field (a hint only) and decodes it.
func decodeGzip(gz []byte) (*Data, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("decode vote data: %w: %w", ErrCorrupt, err)
	}
	var buf bytes.Buffer
	if n := len(gz); n >= 4 {
		if size := int(binary.LittleEndian.Uint32(gz[n-4:])); size <= maxBytes {
			buf.Grow(size + bytes.MinRead)
		}
	}
	if _, err := buf.ReadFrom(io.LimitReader(zr, maxBytes+1)); err != nil {
		return nil, fmt.Errorf("decode vote data: %w: %w", ErrCorrupt, err)
	}
	if buf.Len() > maxBytes {
		return nil, fmt.Errorf("decode vote data: %w: more than %d bytes", ErrCorrupt, maxBytes)
	}
	return decodeRaw(buf.Bytes())
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
	h := dc.uint()
	switch {
	case dc.err != nil || h == 0:
		return nan
	case h == 1:
		str := dc.str()
		x, err := strconv.ParseFloat(str, 64)
		if dc.err == nil && (err != nil || math.IsNaN(x) || math.IsInf(x, 0)) {
			dc.fail("number %q", str)
			return nan
		}
		return x
	}
	k, neg := (h-2)/2, (h-2)%2 == 1
	if dc.err != nil {
		return nan
	}
	m, n := binary.Uvarint(dc.b[dc.off:])
	if n <= 0 || m >= 1<<53 || k >= len(pow10) {
		dc.fail("bad decimal")
		return nan
	}
	dc.off += n
	x := float64(m) / pow10[k]
	if neg {
		x = -x
	}
	return x
}
