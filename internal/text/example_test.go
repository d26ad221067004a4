package text_test

import (
	"fmt"

	"github.com/fulcrum-dev/fulcrum/internal/text"
)

func ExampleSplit() {
	src := "Mr. Makei said: “We will not choose.”1 The post-\nSoviet state\nwaits."
	for _, s := range text.Split(src) {
		fmt.Printf("%d-%d %q\n", s.Start, s.End, src[s.Start:s.End])
	}
	for _, q := range text.Quotes(src) {
		fmt.Printf("quote %q\n", src[q.TextStart:q.TextEnd])
	}
	fmt.Printf("%q\n", text.Normalize(src)[43:])
	// Output:
	// 0-42 "Mr. Makei said: “We will not choose.”1"
	// 43-72 "The post-\nSoviet state\nwaits."
	// quote "We will not choose."
	// "The post-Soviet  state\nwaits."
}
