package actors_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/actors"
)

func ExampleDict_Find() {
	d, err := actors.Builtin()
	if err != nil {
		panic(err)
	}
	text := "Foreign Minister Makei said Minsk is ready for dialogue with the North Atlantic bloc."
	for _, m := range d.Find(text, time.Date(2019, 5, 1, 0, 0, 0, 0, time.UTC), nil) {
		fmt.Printf("%q %s %s %s %s\n", text[m.Start:m.End], m.Code, m.Role, m.Form, m.Entry)
	}
	// Output:
	// "Foreign Minister Makei" BLR GOV surname person:makei-vladimir
	// "Minsk" BLR  capital state:BLR
	// "the North Atlantic bloc" NATO  name org:NATO
}

func ExampleDict_PoleMembers() {
	d, err := actors.Builtin()
	if err != nil {
		panic(err)
	}
	p, _ := d.Pole("RUSSIA")
	fmt.Println(p.Core)
	fmt.Println(d.PoleMembers(p, time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)))
	// Output:
	// [RUS CSTO EAEU CIS UNIONSTATE]
	// [ARM AZE BLR CIS CSTO EAEU KAZ KGZ MDA RUS TJK UKR UNIONSTATE UZB]
}

func ExampleDict_Add() {
	d, err := actors.Builtin()
	if err != nil {
		panic(err)
	}
	d = d.Clone() // keep the shared built-in dictionaries unchanged
	err = d.Add(strings.NewReader("org LUBLIN Lublin Triangle\n  member POL 2020-07-28\n  member LTU 2020-07-28\n  member UKR 2020-07-28\n"), "my.dict")
	fmt.Println(err, d.Members("LUBLIN", time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)))
	err = d.Add(strings.NewReader("org X Xx\n  member QQQ 2000\n"), "bad.dict")
	fmt.Println(err)
	// Output:
	// <nil> [LTU POL UKR]
	// bad.dict:2: unknown actor code "QQQ"
}

func ExampleDict_Suggest() {
	d, err := actors.Builtin()
	if err != nil {
		panic(err)
	}
	fmt.Println(d.Suggest("BLS"), d.Suggest("RUSIA"), d.Suggest("Byelorussia"), d.Suggest("XQXQXQ") == "")
	// Output: BLR RUSSIA BLR true
}
