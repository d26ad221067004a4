package code

import (
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/event"
)

// TestConversionCodesKnown checks that every code the converters produce
// is in the shipped CAMEO tables, so converted events get their weights.
func TestConversionCodesKnown(t *testing.T) {
	for _, m := range []map[string]string{intentMap, threatMap, rejectMap, appealMap, demandMap} {
		for k, v := range m {
			if _, ok := event.Lookup(v); !ok {
				t.Errorf("%s → %s unknown", k, v)
			}
		}
	}
	for _, c := range []string{"1123", "1124", "1122", "111", "112", "130", "120", "160", "161", "162", "1621", "1622", "1623", "164", "165", "020", "100", "030", "031", "033", "035", "036", "010", "011", "012"} {
		if _, ok := event.Lookup(c); !ok {
			t.Errorf("%s unknown", c)
		}
	}
}
