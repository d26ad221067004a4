package ties

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Obligations is a set of ATOP alliance obligations.
type Obligations uint8

// The five ATOP obligation types (Leeds et al. 2002).
const (
	Defense       Obligations = 1 << iota // active military support if the ally is attacked
	Offense                               // active military support in a war the ally starts
	Neutrality                            // staying out of a war the ally fights
	NonAggression                         // not attacking the ally
	Consultation                          // consulting in a crisis
)

var oblNames = [...]struct {
	o    Obligations
	name string
}{
	{Defense, "defense"},
	{Offense, "offense"},
	{Neutrality, "neutrality"},
	{NonAggression, "non-aggression"},
	{Consultation, "consultation"},
}

// Names lists the obligations in o, strongest first ("defense",
// "offense", "neutrality", "non-aggression", "consultation").
func (o Obligations) Names() []string {
	var out []string
	for _, n := range oblNames {
		if o&n.o != 0 {
			out = append(out, n.name)
		}
	}
	return out
}

// String joins [Obligations.Names] with ", "; "none" for the empty set.
func (o Obligations) String() string {
	if o == 0 {
		return "none"
	}
	return strings.Join(o.Names(), ", ")
}

// MarshalJSON writes the obligations as a list of names (see
// [Obligations.Names]); the empty set is [].
func (o Obligations) MarshalJSON() ([]byte, error) {
	names := o.Names()
	if names == nil {
		names = []string{}
	}
	return json.Marshal(names)
}

// UnmarshalJSON reads a list of obligation names.
func (o *Obligations) UnmarshalJSON(b []byte) error {
	var names []string
	if err := json.Unmarshal(b, &names); err != nil {
		return fmt.Errorf("obligations: %w", err)
	}
	var out Obligations
	for _, name := range names {
		found := false
		for _, n := range oblNames {
			if n.name == name {
				out |= n.o
				found = true
			}
		}
		if !found {
			return fmt.Errorf("obligations: unknown obligation %q", name)
		}
	}
	*o = out
	return nil
}

// Status is a state's standing in an organisation, as coded by COW IGO.
type Status int8

// Membership statuses. The numbers are COW's codes.
const (
	NotMember Status = 0
	Full      Status = 1
	Associate Status = 2
	Observer  Status = 3
)

// String returns "full", "associate", "observer" or "none".
func (s Status) String() string {
	switch s {
	case Full:
		return "full"
	case Associate:
		return "associate"
	case Observer:
		return "observer"
	}
	return "none"
}

// MarshalText writes the status name (see [Status.String]).
func (s Status) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads "full", "associate", "observer" or "none".
func (s *Status) UnmarshalText(b []byte) error {
	for _, c := range []Status{NotMember, Full, Associate, Observer} {
		if c.String() == string(b) {
			*s = c
			return nil
		}
	}
	return fmt.Errorf("status: unknown status %q", b)
}

// better reports whether s is a stronger membership than t.
func (s Status) better(t Status) bool {
	return s != NotMember && (t == NotMember || s < t)
}

// Sources named in results.
const (
	SourceATOP  = "ATOP v5.1"
	SourceCOW   = "COW IGO v3"
	SourceAdded = "added" // given by the caller through AddMembership or AddAlliance
)

// Last years covered by the embedded data: later years are right-censored.
const (
	ATOPLastYear = 2018
	IGOLastYear  = 2014
)

// orgCodes maps COW ionames to fulcrum organisation codes where they
// differ from the upper-cased ioname (the default for all others).
var orgCodes = map[string]string{
	"WPact": "WPACT", // Warsaw Treaty Organization
}

// OrgCode returns the fulcrum organisation code for a COW ioname: NATO,
// EU, CSTO, CIS, SCO, OSCE, COE and EAEC keep their COW names, WPact
// becomes WPACT, and every other ioname is upper-cased (they are unique
// that way).
func OrgCode(ioname string) string {
	if c, ok := orgCodes[ioname]; ok {
		return c
	}
	return strings.ToUpper(ioname)
}

// Predecessors maps an organisation code to the organisations it
// continues, whose memberships count as its own in the years before it
// existed: the EU continues the European (Economic) Community (EEC, to
// 1992), the Eurasian Economic Union (EAEU, from 2015) continues the
// Eurasian Economic Community (EAEC, 2000–2014).
var Predecessors = map[string][]string{
	"EU":   {"EEC"},
	"EAEU": {"EAEC"},
}

// knownEnds records dissolutions that COW IGO v3 leaves open because they
// fall after its last year: the EAEC was dissolved on 1 January 2015, when
// the EAEU took over.
var knownEnds = map[string]int{
	"EAEC": 2014,
}
