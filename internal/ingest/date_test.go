package ingest_test

import (
	"testing"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/ingest"
)

func TestParseDate(t *testing.T) {
	cet := time.FixedZone("", 3600)
	cases := []struct {
		in   string
		want time.Time
		prec string
	}{
		{"2019-03-05", time.Date(2019, 3, 5, 0, 0, 0, 0, time.UTC), "day"},
		{" 2019-03-05T09:30:00+01:00 ", time.Date(2019, 3, 5, 9, 30, 0, 0, cet), "day"},
		{"2019-03-05T09:30:00.123Z", time.Date(2019, 3, 5, 9, 30, 0, 123e6, time.UTC), "day"},
		{"2019-03-05 09:30:00", time.Date(2019, 3, 5, 9, 30, 0, 0, time.UTC), "day"},
		{"Tue, 05 Mar 2019 09:30:00 +0100", time.Date(2019, 3, 5, 9, 30, 0, 0, cet), "day"},
		{"Tue, 5 Mar 2019 09:30:00 GMT", time.Date(2019, 3, 5, 9, 30, 0, 0, time.UTC), "day"},
		{"March 5, 2019", time.Date(2019, 3, 5, 0, 0, 0, 0, time.UTC), "day"},
		{"5 March 2019", time.Date(2019, 3, 5, 0, 0, 0, 0, time.UTC), "day"},
		{"05.03.2019", time.Date(2019, 3, 5, 0, 0, 0, 0, time.UTC), "day"},
		{"20190305", time.Date(2019, 3, 5, 0, 0, 0, 0, time.UTC), "day"},
		{"2019-03", time.Date(2019, 3, 1, 0, 0, 0, 0, time.UTC), "month"},
		{"March 2019", time.Date(2019, 3, 1, 0, 0, 0, 0, time.UTC), "month"},
		{"2019", time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC), "year"},
		{"D:20190305103000Z", time.Date(2019, 3, 5, 10, 30, 0, 0, time.UTC), "day"},
		{"D:20190305103000+01'00'", time.Date(2019, 3, 5, 10, 30, 0, 0, cet), "day"},
		{"D:201903", time.Date(2019, 3, 1, 0, 0, 0, 0, time.UTC), "month"},
		{"D:2019", time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC), "year"},
	}
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			got, prec, err := ingest.ParseDate(tc.in)
			if err != nil {
				t.Fatalf("error: %v", err)
			}
			if !got.Equal(tc.want) || prec != tc.prec {
				t.Errorf("got %v (%s), want %v (%s)", got, prec, tc.want, tc.prec)
			}
		})
	}
	for _, bad := range []string{"", "soon", "2019-13-01", "D:20190231", "D:19", "March the fifth", "201"} {
		t.Run("bad/"+bad, func(t *testing.T) {
			if got, prec, err := ingest.ParseDate(bad); err == nil {
				t.Errorf("got %v (%s), want an error", got, prec)
			}
		})
	}
}
