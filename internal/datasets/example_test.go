package datasets_test

import (
	"fmt"
	"strings"

	"github.com/fulcrum-dev/fulcrum/internal/datasets"
)

func ExampleCountryCode() {
	fmt.Println(datasets.CountryCode("Russian Federation"), datasets.CountryCode("ROM"), datasets.CountryCode("Atlantis") == "")
	// Output: RUS ROU true
}

func ExampleCAMEOActor() {
	fmt.Println(datasets.CAMEOActor("BLRGOV"), datasets.CAMEOActor("IGOWSTNATMIL"), datasets.CAMEOActor("IGOEUREEC"))
	// Output: BLR NATO EU
}

func ExampleDetect() {
	f, shape, _ := datasets.Detect([]byte("Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\tIntensity\tTarget Name\tTarget Sectors\tTarget Country"))
	fmt.Println(f, "—", shape)
	// Output: ICEWS — 11 columns, header "Event ID, Event Date, Source Name, Source Sectors, Source Country, Event Text…"
}

func ExampleGenerate() {
	var b strings.Builder
	if err := datasets.Generate(&b, 3, 1); err != nil {
		panic(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(b.String()), "\n") {
		r, err := datasets.ParseGDELT(strings.Split(line, "\t"))
		fmt.Println(len(strings.Split(line, "\t")), err == nil, r.Origin)
	}
	// Output:
	// 61 true gdelt
	// 61 true gdelt
	// 61 true gdelt
}
