package cameodict_test

import (
	"os"
	"strings"
	"testing"

	"github.com/fulcrum-dev/fulcrum/internal/cameodict"
)

func TestScratchShow(t *testing.T) {
	d := loadPhoenix(t)
	opt := cameodict.DefaultOptions()
	opt.DefaultSource = "BLR"
	c := cameodict.NewCoder(d, opt)
	for _, f := range []string{"BLR_69_2014", "BLR_78_2023"} {
		b, _ := os.ReadFile("../../../shared/data/ungdc_speeches/texts/BLR/" + f + ".txt")
		for _, r := range cameodict.Sentences(strings.TrimPrefix(string(b), "\ufeff"), f, 20140915) {
			res, _ := c.Code(r)
			for _, e := range res.Events {
				t.Logf("%s %s %s %s neg=%v %s | %q | %s", r.ID, e.SourceCode, e.TargetCode, e.CAMEO, e.Negated, e.Rule, e.VerbText, r.Text[:min(len(r.Text), 160)])
			}
			if res.Discard != "" {
				t.Logf("DISCARD %s %q: %s", r.ID, res.Discard, r.Text[:min(len(r.Text), 100)])
			}
		}
	}
}
