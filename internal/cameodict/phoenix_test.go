package cameodict_test

import (
	"testing"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/cameodict"
	"github.com/fulcrum-dev/fulcrum/internal/sharedtest"
)

func loadPhoenix(tb testing.TB) *cameodict.Dictionary {
	tb.Helper()
	dir := sharedtest.Dir(tb, "petrarch_dictionaries")
	d, err := cameodict.Load(dir, cameodict.FormatAuto)
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

func TestPhoenixSmoke(t *testing.T) {
	t0 := time.Now()
	d := loadPhoenix(t)
	t.Logf("load %v format %s stats %+v warnings %d skipped %v", time.Since(t0), d.Format, d.Stats(), len(d.Warnings), d.Skipped)
	for i, w := range d.Warnings {
		if i < 10 {
			t.Log(w)
		}
	}
	c := cameodict.NewCoder(d, cameodict.DefaultOptions())
	for _, s := range []string{
		"Belarusian President Alyaksandr Lukashenka met Russian President Vladimir Putin in Sochi.",
		"Alexander Lukashenko met Vladimir Putin in Sochi.",
		"Belarus accused the European Union of interfering in its internal affairs.",
		"The European Union imposed new sanctions on Belarus.",
		"Russia and China did not condemn Ukraine.",
		"The Russian foreign minister visited Minsk on Tuesday.",
	} {
		res, err := c.Code(cameodict.Record{ID: "x-1", Date: 20150301, Text: s})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s", s)
		for _, e := range res.Events {
			t.Logf("   %s %s %s neg=%v rule=%s plover=%s src=%q tgt=%q", e.SourceCode, e.TargetCode, e.CAMEO, e.Negated, e.Rule, e.PLOVER, e.SourceText, e.TargetText)
		}
		t.Logf("   discard=%q unknown=%v", res.Discard, res.Unknown)
	}
}
