package datasets_test

import (
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/datasets"
)

func TestActorMapping(t *testing.T) {
	cases := []struct {
		name string
		fn   func(string) string
		in   string
		want string
	}{
		{"country name", datasets.CountryCode, "Russian Federation", "RUS"},
		{"country variant accents", datasets.CountryCode, "Côte d’Ivoire", "CIV"},
		{"country comma form", datasets.CountryCode, "Moldova, Republic of", "MDA"},
		{"country long form", datasets.CountryCode, "the former Yugoslav Republic of Macedonia", "MKD"},
		{"ISO3 as is", datasets.CountryCode, "BLR", "BLR"},
		{"CAMEO Romania", datasets.CountryCode, "ROM", "ROU"},
		{"lower-case code is a name, not a code", datasets.CountryCode, "blr", ""},
		{"organisation is not a country", datasets.CountryCode, "European Union", ""},
		{"unknown", datasets.CountryCode, "Atlantis", ""},
		{"org name", datasets.NameCode, "North Atlantic Treaty Organization", "NATO"},
		{"org alias", datasets.NameCode, "UN Security Council", "UN"},
		{"state name", datasets.NameCode, "Belarus", "BLR"},
		{"known group EEC", datasets.GroupCode, "EEC", "EU"},
		{"known group NAT", datasets.GroupCode, "NAT", "NATO"},
		{"unknown group", datasets.GroupCode, "XYZ", ""},
		{"CAMEO state with sector", datasets.CAMEOActor, "BLRGOV", "BLR"},
		{"CAMEO IGO", datasets.CAMEOActor, "IGOEUREEC", "EU"},
		{"CAMEO IGO with sector", datasets.CAMEOActor, "IGOWSTNATMIL", "NATO"},
		{"CAMEO IGO UN agency", datasets.CAMEOActor, "IGOUNOHLHWHO", "UN"},
		{"CAMEO unknown IGO", datasets.CAMEOActor, "IGOCRB", ""},
		{"CAMEO sector only", datasets.CAMEOActor, "GOV", ""},
		{"CAMEO region", datasets.CAMEOActor, "AFR", ""},
		{"CAMEO short", datasets.CAMEOActor, "US", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.fn(tc.in); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
	icews := []struct{ name, country, want string }{
		{"Foreign Affairs (Belarus)", "Belarus", "BLR"},
		{"Secretary General (United Nations)", "NA", "UN"},
		{"Vladimir Putin", "Russian Federation", "RUS"},
		{"European Parliament", "", "EU"},
		{"Citizen (Zimbabwe)", "", "ZWE"},
		{"Unidentified State Actor", "", ""},
	}
	for _, tc := range icews {
		if got := datasets.ICEWSActor(tc.name, tc.country); got != tc.want {
			t.Errorf("ICEWSActor(%q, %q) = %q, want %q", tc.name, tc.country, got, tc.want)
		}
	}
	if got := datasets.GDELTActor("ROM", ""); got != "ROU" {
		t.Errorf("GDELTActor(ROM) = %q", got)
	}
	if got := datasets.GDELTActor("", "UNO"); got != "UN" {
		t.Errorf("GDELTActor(UNO) = %q", got)
	}
}
