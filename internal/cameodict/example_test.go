package cameodict_test

import (
	"fmt"

	"github.com/fulcrum-dev/fulcrum/internal/cameodict"
)

func ExampleCoder_Code() {
	d, err := cameodict.Load("testdata/dict", cameodict.FormatAuto)
	if err != nil {
		fmt.Println(err)
		return
	}
	c := cameodict.NewCoder(d, cameodict.DefaultOptions())
	res, err := c.Code(cameodict.Record{ID: "AFP-1", Date: 19950801, Text: "The Russian foreign minister visited Minsk."})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range res.Events {
		fmt.Println(e.SourceCode, e.TargetCode, e.CAMEO, e.PLOVER, e.Mode, e.Rule)
	}
	// Output:
	// RUSGOVFRM BLR 042 CONSULT visit CAMEO.test.verbs.txt:16
	// BLR RUSGOVFRM 043 CONSULT visit CAMEO.test.verbs.txt:16
}
