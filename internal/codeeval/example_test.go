package codeeval_test

import (
	"fmt"
	"strings"

	"github.com/fulcrum-dev/fulcrum/internal/codeeval"
	"github.com/fulcrum-dev/fulcrum/internal/doc"
	"github.com/fulcrum-dev/fulcrum/internal/event"
)

// ExampleEvaluate scores a stand-in coder on a two-item set: one wanted
// event found (with the wrong three-digit code), one missed, and one
// false positive on a sentence that should give no event.
func ExampleEvaluate() {
	set := `{"id":"1","register":"wire","doc_date":"2022-03-04","text":"Russian artillery shelled Kharkiv overnight.","want":[{"source":"RUS","target":"UKR","cameo":"194"}]}
{"id":"2","register":"wire","doc_date":"2022-11-20","text":"Ukraine beat Russia 3-1 in the volleyball final.","want":[]}
{"id":"3","register":"speech","doc_date":"2019-09-25","author":"BLR","text":"We call on NATO to talk.","want":[{"source":"BLR","target":"NATO","cameo":"02"}]}`
	items, err := codeeval.Load(strings.NewReader(set))
	if err != nil {
		fmt.Println(err)
		return
	}
	fake := func(d doc.Document) []event.Event {
		switch d.ID {
		case "eval-1":
			return []event.Event{{Source: "RUS", Target: "UKR", CAMEO: "190", Modality: event.Asserted}}
		case "eval-2":
			return []event.Event{{Source: "UKR", Target: "RUS", CAMEO: "175", Modality: event.Asserted}}
		}
		return nil
	}
	r := codeeval.Evaluate(items, fake)
	fmt.Printf("P %.2f R %.2f F1 %.2f\n", r.Precision(), r.Recall(), r.F1())
	fmt.Printf("exact code %d/%d, no-event items clean %d/%d\n", r.Code.Right, r.Code.Total, r.NoEvent.Right, r.NoEvent.Total)
	fmt.Println("miss:", r.Misses[0].Item.Text)
	// Output:
	// P 0.50 R 0.50 F1 0.50
	// exact code 0/1, no-event items clean 0/1
	// miss: We call on NATO to talk.
}
