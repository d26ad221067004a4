package ties_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/ties"
)

func TestTieJSON(t *testing.T) {
	in := ties.Tie{ID: "atop:BLR-RUS:1993", Kind: "alliance", State: "BLR", Partner: "RUS",
		Obligations: ties.Defense | ties.Consultation, Status: ties.Observer, From: 1992, Weight: 1}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"obligations":["defense","consultation"]`, `"status":"observer"`, `"id":"atop:BLR-RUS:1993"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("%s lacks %s", b, want)
		}
	}
	var out ties.Tie
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if out.Obligations != in.Obligations || out.Status != in.Status || out.ID != in.ID {
		t.Errorf("round trip: got %+v", out)
	}
	if b, _ := json.Marshal(ties.Obligations(0)); string(b) != "[]" {
		t.Errorf("empty obligations: %s", b)
	}
	for _, bad := range []string{`{"obligations":["attack"]}`, `{"status":"member"}`, `{"obligations":"defense"}`} {
		if err := json.Unmarshal([]byte(bad), &out); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}
