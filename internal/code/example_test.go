package code_test

import (
	"fmt"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/actors"
	"github.com/fulcrum-dev/fulcrum/internal/code"
	"github.com/fulcrum-dev/fulcrum/internal/doc"
)

func ExampleCoder_Code() {
	dict, err := actors.Builtin()
	if err != nil {
		fmt.Println(err)
		return
	}
	rules, err := code.DefaultRules()
	if err != nil {
		fmt.Println(err)
		return
	}
	c := code.New(dict, rules)
	text := "On March 5, 2019, Foreign Minister Vladimir Makei said: “Belarus is ready for a constructive dialogue, including with the North Atlantic bloc.” He noted that Belarus has never shown any willingness to join NATO."
	d := doc.Document{ID: doc.HashID(text), Text: text, Date: time.Date(2019, 3, 10, 0, 0, 0, 0, time.UTC), DatePrecision: "day"}
	for _, e := range c.Code(d) {
		fmt.Println(e.Source, e.Target, e.CAMEO, e.Modality, "negated:", e.Negated, "counts:", e.Counts(), e.Date, e.Rule)
	}
	// Output:
	// BLR NATO 036 intent negated: false counts: true 2019-03-05 intent-meet-2
	// BLR NATO 032 intent negated: true counts: false 2019-03-05 diplo-join+intent
}

func ExampleScanDates() {
	for _, d := range code.ScanDates("On 23 March 2014 and in the same session", nil) {
		fmt.Printf("%d-%d-%d precision=%q rel=%q\n", d.Year, d.Month, d.Day, d.Precision, d.Rel)
	}
	// Output:
	// 2014-3-23 precision="day" rel=""
	// 0-0-0 precision="" rel="same"
}
