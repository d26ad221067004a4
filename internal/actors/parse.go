package actors

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// Errors a dictionary file can produce, wrapped in a [*LineError].
var (
	// ErrSyntax marks a line that does not follow the dictionary format.
	ErrSyntax = errors.New("syntax error")
	// ErrUnknownCode marks a reference to an actor code no dictionary defines.
	ErrUnknownCode = errors.New("unknown actor code")
	// ErrDuplicate marks a built-in name given to two different actors.
	ErrDuplicate = errors.New("duplicate name")
)

// LineError is a problem on one line of a dictionary file.
type LineError struct {
	File string
	Line int
	Err  error
}

// Error returns "file:line: message".
func (e *LineError) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }

// Unwrap returns the underlying error.
func (e *LineError) Unwrap() error { return e.Err }

// MaxDictSize is the largest dictionary file Add accepts.
const MaxDictSize = 64 << 20

// AddFile adds the dictionary file at path to d, or every regular file under
// path (recursively, in lexical order, skipping names that start with ".")
// when it is a directory. Entries a file defines are added; names, members
// and offices it gives for existing codes extend or replace the old ones
// (see data/README.md). On any error d is left unchanged.
func (d *Dict) AddFile(path string) error {
	info, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("open dictionary %s: %w", path, err)
	}
	var files []string
	if info.IsDir() {
		err := filepath.WalkDir(path, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if strings.HasPrefix(e.Name(), ".") && p != path {
				if e.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if e.Type().IsRegular() {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("read dictionary directory %s: %w", path, err)
		}
		sort.Strings(files)
	} else {
		files = []string{path}
	}
	c := d.Clone()
	for _, f := range files {
		b, err := readLimited(f)
		if err != nil {
			return err
		}
		if err := c.parseInto(string(b), f); err != nil {
			return err
		}
	}
	if err := c.finish(); err != nil {
		return err
	}
	*d = *c
	return nil
}

func readLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open dictionary %s: %w", path, err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, MaxDictSize+1))
	if err != nil {
		return nil, fmt.Errorf("read dictionary %s: %w", path, err)
	}
	if len(b) > MaxDictSize {
		return nil, fmt.Errorf("read dictionary %s: larger than %d bytes", path, MaxDictSize)
	}
	return b, nil
}

// Add reads one dictionary from r; name labels it in errors and entry ids
// ("user:<name>:<line>"). On any error d is left unchanged.
func (d *Dict) Add(r io.Reader, name string) error {
	b, err := io.ReadAll(io.LimitReader(r, MaxDictSize+1))
	if err != nil {
		return fmt.Errorf("read dictionary %s: %w", name, err)
	}
	if len(b) > MaxDictSize {
		return fmt.Errorf("read dictionary %s: larger than %d bytes", name, MaxDictSize)
	}
	c := d.Clone()
	if err := c.parseInto(string(b), name); err != nil {
		return err
	}
	if err := c.finish(); err != nil {
		return err
	}
	*d = *c
	return nil
}

func (d *Dict) parseInto(src, name string) error {
	p := parser{d: d, file: name}
	return p.parse(src)
}

// ref is a code a line refers to, checked once every file is loaded.
type ref struct {
	file  string
	line  int
	code  string
	state bool // must be a state
}

// parser reads one dictionary file into a Dict.
type parser struct {
	d       *Dict
	file    string
	builtin bool
	errs    []error

	// the current block
	kind      Kind
	code      string // actor code or person id
	entry     string // builtin entry id of the block
	line      int    // header line
	noAuto    bool   // the block gave surname lines (or "surname -"): derive none
	skip      bool   // the block's header was bad: ignore its lines
	weak      bool   // the surnames being added are common words
	fullNames []string
	reset     map[string]bool // member states / offices replaced in this block
}

var (
	stateCodeRE = regexp.MustCompile(`^[A-Z]{3}$`)
	orgCodeRE   = regexp.MustCompile(`^[A-Z][A-Z0-9_]{0,15}$`)
	personIDRE  = regexp.MustCompile(`^[a-z0-9][a-z0-9.-]{0,63}$`)
	roleRE      = regexp.MustCompile(`^[A-Z]{3}$`)
)

func (p *parser) errorf(line int, base error, format string, args ...any) {
	p.errs = append(p.errs, &LineError{File: p.file, Line: line, Err: fmt.Errorf("%w: %s", base, fmt.Sprintf(format, args...))})
}

func (p *parser) parse(src string) error {
	line := 0
	for len(src) > 0 {
		var l string
		if i := strings.IndexByte(src, '\n'); i >= 0 {
			l, src = src[:i], src[i+1:]
		} else {
			l, src = src, ""
		}
		line++
		if !utf8.ValidString(l) {
			p.errorf(line, ErrSyntax, "invalid UTF-8")
			continue
		}
		if i := strings.Index(l, " #"); i >= 0 {
			l = l[:i]
		}
		if i := strings.Index(l, "\t#"); i >= 0 {
			l = l[:i]
		}
		l = strings.TrimSpace(strings.TrimSuffix(l, "\r"))
		if l == "" || l[0] == '#' {
			continue
		}
		kw, rest := cutField(l)
		p.directive(line, kw, rest)
	}
	p.endBlock()
	if len(p.errs) > 0 {
		return errors.Join(p.errs...)
	}
	return nil
}

func (p *parser) directive(line int, kw, rest string) {
	if p.skip {
		switch kw {
		case "name", "short", "adj", "adjective", "demonym", "capital", "alias", "seat", "mil", "leg", "surname", "weak", "member", "office":
			return
		}
		p.skip = false
	}
	switch kw {
	case "state", "org", "person":
		p.endBlock()
		p.header(line, kw, rest)
	case "name", "short", "adj", "adjective", "demonym", "capital", "alias", "seat", "mil", "leg":
		if p.kind == 0 || (p.kind == Person && kw != "name") {
			p.errorf(line, ErrSyntax, "%q outside a state or org block", kw)
			return
		}
		form, role := formOf(kw)
		if p.kind == Person {
			p.personNames(line, rest, Name)
			return
		}
		p.names(line, rest, func(text string) pattern {
			return pattern{class: tActor, code: p.code, form: form, role: role}
		})
	case "surname", "weak":
		if p.kind != Person {
			p.errorf(line, ErrSyntax, "%s outside a person block", kw)
			return
		}
		p.noAuto = true
		if rest == "-" && kw == "surname" {
			return
		}
		p.weak = kw == "weak"
		p.personNames(line, rest, Surname)
		p.weak = false
	case "member":
		p.member(line, rest)
	case "office":
		p.office(line, rest)
	case "pole":
		p.endBlock()
		p.pole(line, rest)
	case "ignore":
		p.endBlock()
		p.names(line, rest, func(string) pattern { return pattern{class: tIgnore} })
	case "role":
		p.endBlock()
		role, list := cutField(rest)
		if !roleRE.MatchString(role) {
			p.errorf(line, ErrSyntax, "role %q: want three capital letters (GOV, MIL, …) then names", role)
			return
		}
		p.names(line, strings.TrimSpace(list), func(string) pattern { return pattern{class: tPhrase, role: role} })
	case "title":
		p.endBlock()
		p.names(line, rest, func(string) pattern { return pattern{class: tPhrase, title: true} })
	case "post":
		p.endBlock()
		title, list, ok := strings.Cut(rest, ":")
		title = strings.ToLower(strings.Join(strings.Fields(title), " "))
		if !ok || title == "" {
			p.errorf(line, ErrSyntax, "want \"post office title: names\"")
			return
		}
		role := officeRole(title)
		p.names(line, list, func(string) pattern { return pattern{class: tPhrase, role: role, office: title} })
	case "drop":
		p.endBlock()
		for _, n := range splitNames(rest) {
			pat, toks, ok := makePattern(n)
			if !ok {
				p.errorf(line, ErrSyntax, "drop %q: a name must start with a letter or digit", n)
				continue
			}
			dropped := false
			for _, class := range []uint8{tActor, tPhrase} {
				if i, ok := p.d.m.byKey[keyOf(class, pat.text, toks)]; ok {
					p.d.m.remove(i)
					dropped = true
				}
			}
			if !dropped {
				p.errorf(line, ErrSyntax, "drop %q: no such name", n)
			}
		}
	default:
		p.errorf(line, ErrSyntax, "unknown keyword %q", kw)
	}
}

func formOf(kw string) (Form, string) {
	switch kw {
	case "name":
		return Name, ""
	case "short":
		return ShortName, ""
	case "adj", "adjective":
		return Adjective, ""
	case "demonym":
		return Demonym, ""
	case "capital":
		return Capital, ""
	case "seat":
		return Alias, "GOV"
	case "mil":
		return Alias, "MIL"
	case "leg":
		return Alias, "LEG"
	}
	return Alias, ""
}

// cutField splits s at its first run of spaces or tabs into the first
// field and the trimmed rest.
func cutField(s string) (field, rest string) {
	s = strings.TrimSpace(s)
	i := strings.IndexAny(s, " \t")
	if i < 0 {
		return s, ""
	}
	return s[:i], strings.TrimSpace(s[i:])
}

// splitNames splits "a | b | c" into trimmed non-empty names.
func splitNames(s string) []string {
	var out []string
	for n := range strings.SplitSeq(s, "|") {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// personEntry is the provenance id of a person defined at line.
func (p *parser) personEntry(line int, id string) string {
	if p.builtin {
		return "person:" + id
	}
	return fmt.Sprintf("user:%s:%d", p.file, line)
}

func (p *parser) entryFor(line int) string {
	if p.builtin {
		return p.entry
	}
	return fmt.Sprintf("user:%s:%d", p.file, line)
}

// names adds each name of a "|" list as a pattern built by mk.
func (p *parser) names(line int, list string, mk func(string) pattern) {
	ns := splitNames(list)
	if len(ns) == 0 {
		p.errorf(line, ErrSyntax, "no names given")
		return
	}
	for _, n := range ns {
		pat, toks, ok := makePattern(n)
		if !ok {
			p.errorf(line, ErrSyntax, "name %q must start with a letter or digit", n)
			continue
		}
		proto := mk(n)
		pat.class, pat.code, pat.form, pat.role, pat.title, pat.office = proto.class, proto.code, proto.form, proto.role, proto.title, proto.office
		pat.line, pat.file = line, p.file
		pat.entry = p.entryFor(line)
		if pat.class == tIgnore || pat.class == tPhrase {
			pat.entry = ""
		}
		if p.builtin && pat.class == tActor {
			if i, ok := p.d.m.byKey[keyOf(tActor, n, toks)]; ok {
				old := p.d.m.pats[i]
				p.errorf(line, ErrDuplicate, "%q already names %s (%s:%d)", n, old.who(), old.file, old.line)
				continue
			}
		}
		p.d.m.put(pat, toks)
	}
}

func (pt *pattern) who() string {
	switch pt.class {
	case tPerson:
		return "person " + strings.Join(pt.people, ",")
	case tIgnore:
		return "an ignore line"
	}
	return pt.code
}

func (p *parser) personNames(line int, list string, form Form) {
	for _, n := range splitNames(list) {
		if form == Name {
			p.fullNames = append(p.fullNames, n)
		}
		pat, toks, ok := makePattern(n)
		if !ok {
			p.errorf(line, ErrSyntax, "name %q must start with a letter or digit", n)
			continue
		}
		pat.weak = p.weak
		pat.class, pat.form, pat.people = tPerson, form, []string{p.code}
		pat.line, pat.file = line, p.file
		pat.entry = p.entryFor(line)
		if i, ok := p.d.m.byKey[keyOf(tActor, n, toks)]; ok && p.builtin {
			old := p.d.m.pats[i]
			// Persons may share a name (two Latvian politicians called
			// Andris Bērziņš): Find tells them apart by date.
			if old.class != tPerson {
				p.errorf(line, ErrDuplicate, "%q already names %s (%s:%d)", n, old.who(), old.file, old.line)
				continue
			}
		}
		p.d.m.put(pat, toks)
	}
}

func (p *parser) header(line int, kw, rest string) {
	code, name := cutField(rest)
	p.line, p.noAuto, p.fullNames, p.reset = line, false, nil, map[string]bool{}
	// Until the header proves good, the lines of its block are skipped:
	// one bad header is one error, not one per line of its block.
	p.skip = true
	switch kw {
	case "state", "org":
		k, re := State, stateCodeRE
		if kw == "org" {
			k, re = Org, orgCodeRE
		}
		if !re.MatchString(code) {
			want := "three capital letters (ISO 3166-1 alpha-3)"
			if k == Org {
				want = "capital letters, digits or _"
			}
			p.errorf(line, ErrSyntax, "%s code %q: want %s", kw, code, want)
			return
		}
		if name == "" {
			p.errorf(line, ErrSyntax, "%s %s: missing name", kw, code)
			return
		}
		if a, ok := p.d.actors[code]; ok {
			if p.builtin {
				p.errorf(line, ErrDuplicate, "%s %s defined twice", kw, code)
				return
			}
			if a.Kind != k {
				p.errorf(line, ErrSyntax, "%s %s: already defined as %s", kw, code, a.Kind)
				return
			}
			a.Name = name
		} else {
			rec := &actorRec{Actor: Actor{Code: code, Name: name, Kind: k}}
			if k == Org {
				rec.members = map[string][]period{}
			}
			p.d.actors[code] = rec
		}
		p.kind, p.code, p.entry, p.skip = k, code, kw+":"+code, false
		form := ShortName
		if k == Org {
			form = Name
		}
		p.names(line, name, func(string) pattern { return pattern{class: tActor, code: code, form: form} })
	case "person":
		nat, pname := cutField(name)
		if !personIDRE.MatchString(code) {
			p.errorf(line, ErrSyntax, "person id %q: want lower-case letters, digits, '.' or '-' (surname-given)", code)
			return
		}
		if nat == "" || pname == "" {
			p.errorf(line, ErrSyntax, "person %s: want \"person ID NATIONALITY Full Name\"", code)
			return
		}
		p.d.pending = append(p.d.pending, ref{file: p.file, line: line, code: nat})
		if pr, ok := p.d.persons[code]; ok {
			if p.builtin {
				p.errorf(line, ErrDuplicate, "person %s defined twice", code)
				return
			}
			pr.name, pr.nat, pr.entry = pname, nat, p.personEntry(line, code)
		} else {
			p.d.persons[code] = &person{id: code, name: pname, nat: nat, entry: p.personEntry(line, code)}
		}
		p.kind, p.code, p.entry, p.skip = Person, code, "person:"+code, false
		p.personNames(line, pname, Name)
	}
}

// endBlock finishes a person block: unless it gave surname lines, the
// last word of each full name is also a surname ("Lukashenko"), skipping
// suffixes such as "Jr." and "II".
func (p *parser) endBlock() {
	if p.kind == Person && !p.noAuto {
		seen := map[string]bool{}
		for _, n := range p.fullNames {
			f := strings.Fields(n)
			for len(f) > 0 && nameSuffix[strings.TrimSuffix(f[len(f)-1], ".")] {
				f = f[:len(f)-1]
			}
			if len(f) < 2 {
				continue
			}
			s := f[len(f)-1]
			if seen[s] {
				continue
			}
			seen[s] = true
			p.personNames(p.line, s, Surname)
		}
	}
	p.kind, p.code, p.fullNames = 0, "", nil
}

var nameSuffix = map[string]bool{"Jr": true, "Sr": true, "II": true, "III": true, "IV": true}

// parseDay reads YYYY, YYYY-MM or YYYY-MM-DD as the first day it names.
func parseDay(s string) (int32, error) {
	var layout string
	switch len(s) {
	case 4:
		layout = "2006"
	case 7:
		layout = "2006-01"
	case 10:
		layout = "2006-01-02"
	default:
		return 0, fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	t, err := time.Parse(layout, s)
	if err != nil {
		return 0, fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	return dayOf(t), nil
}

// parsePeriod reads a start date and an optional end date ("-" or absent:
// open).
func parsePeriod(start, end string) (period, error) {
	s, err := parseDay(start)
	if err != nil {
		return period{}, err
	}
	var e int32
	if end != "" && end != "-" {
		if e, err = parseDay(end); err != nil {
			return period{}, err
		}
		if e <= s {
			return period{}, fmt.Errorf("end %s is not after start %s", end, start)
		}
	}
	return period{start: s, end: e}, nil
}

func (p *parser) member(line int, rest string) {
	if p.kind != Org {
		p.errorf(line, ErrSyntax, "member outside an org block")
		return
	}
	f := strings.Fields(rest)
	if len(f) < 2 || len(f) > 3 {
		p.errorf(line, ErrSyntax, "want \"member CODE START [END]\"")
		return
	}
	end := ""
	if len(f) == 3 {
		end = f[2]
	}
	per, err := parsePeriod(f[1], end)
	if err != nil {
		p.errorf(line, ErrSyntax, "member %s: %v", f[0], err)
		return
	}
	a := p.d.actors[p.code]
	if !p.builtin && !p.reset["m:"+f[0]] {
		delete(a.members, f[0])
		p.reset["m:"+f[0]] = true
	}
	a.members[f[0]] = append(a.members[f[0]], per)
	p.d.pending = append(p.d.pending, ref{file: p.file, line: line, code: f[0], state: true})
}

func (p *parser) office(line int, rest string) {
	if p.kind != Person {
		p.errorf(line, ErrSyntax, "office outside a person block")
		return
	}
	f := strings.Fields(rest)
	if len(f) < 4 {
		p.errorf(line, ErrSyntax, "want \"office START END|- CODE title\"")
		return
	}
	per, err := parsePeriod(f[0], f[1])
	if err != nil {
		p.errorf(line, ErrSyntax, "office: %v", err)
		return
	}
	title := strings.ToLower(strings.Join(f[3:], " "))
	role := officeRole(title)
	pr := p.d.persons[p.code]
	if !p.builtin && !p.reset["o"] {
		pr.offices = nil
		p.reset["o"] = true
	}
	pr.offices = append(pr.offices, office{code: f[2], title: title, role: role, period: per, line: line})
	p.d.pending = append(p.d.pending, ref{file: p.file, line: line, code: f[2]})
}

// officeRole derives the CAMEO-style role of an office from its title:
// MIL for defence and military offices, LEG for parliamentary ones, OPP
// for opposition leaders, GOV otherwise.
func officeRole(title string) string {
	has := func(w ...string) bool {
		for _, x := range w {
			if strings.Contains(title, x) {
				return true
			}
		}
		return false
	}
	switch {
	case has("defence", "defense", "military"):
		return "MIL"
	case has("opposition"):
		return "OPP"
	case has("parliament", "senate", "speaker", "duma", "supreme soviet"):
		return "LEG"
	}
	return "GOV"
}

func (p *parser) pole(line int, rest string) {
	f := strings.Fields(rest)
	if len(f) < 2 {
		p.errorf(line, ErrSyntax, "want \"pole NAME CODE...\"")
		return
	}
	if !orgCodeRE.MatchString(f[0]) {
		p.errorf(line, ErrSyntax, "pole name %q: want capital letters, digits or _", f[0])
		return
	}
	for _, c := range f[1:] {
		p.d.pending = append(p.d.pending, ref{file: p.file, line: line, code: c})
	}
	p.d.poles[f[0]] = Pole{Name: f[0], Core: slices.Clone(f[1:])}
}

// finish checks the codes that lines referred to, sorts the match index and
// computes Suggest weights. Errors name the referring line.
func (d *Dict) finish() error {
	var errs []error
	for _, r := range d.pending {
		a, ok := d.actors[r.code]
		switch {
		case !ok:
			msg := fmt.Sprintf("%q", r.code)
			if s := d.Suggest(r.code); s != "" && s != r.code {
				msg += fmt.Sprintf(" (did you mean %s?)", s)
			}
			errs = append(errs, &LineError{File: r.file, Line: r.line, Err: fmt.Errorf("%w %s", ErrUnknownCode, msg)})
		case r.state && a.Kind != State:
			errs = append(errs, &LineError{File: r.file, Line: r.line, Err: fmt.Errorf("%w: member %s is a %s, not a state", ErrSyntax, r.code, a.Kind)})
		}
	}
	d.pending = nil
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	for _, a := range d.actors {
		a.weight = 0
	}
	for i := range d.m.pats {
		if pt := &d.m.pats[i]; pt.class == tActor {
			if a := d.actors[pt.code]; a != nil {
				a.weight++
			}
		}
	}
	for _, pr := range d.persons {
		for _, o := range pr.offices {
			if a := d.actors[o.code]; a != nil {
				a.weight++
			}
		}
	}
	d.indexHolders()
	d.m.sortIndex()
	return nil
}
