package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/fulcrum-dev/fulcrum/internal/align"
)

// WriteJSON writes the report as indented JSON: every number with the ids
// of its evidence.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// Charts returns one SVG chart per channel with data (each pole's series
// with its interval band, thin years hollow, shifts numbered and listed)
// and, for two poles, the tilt of every channel. Keys are file-name stems:
// "votes", "ties", "statements", "tilt".
func (r *Report) Charts() (names []string, svgs map[string][]byte) {
	svgs = map[string][]byte{}
	for _, ch := range r.Channels {
		if !ch.HasData {
			continue
		}
		c := Chart{Title: fmt.Sprintf("%s — %s toward each pole, %s", r.CountryName, ch.Name, years(r)),
			YLabel: yLabel(ch.Name), XLabel: "calendar year", Notes: chartNotes(ch)}
		for _, s := range ch.Series {
			c.Lines = append(c.Lines, seriesLine(ch, s))
		}
		for _, sh := range r.Shifts {
			if sh.Channel == ch.Name {
				c.Marks = append(c.Marks, ChartMark{X: yearOf(sh.Period) - 0.5, Label: shiftText(r, sh)})
			}
		}
		var b bytes.Buffer
		if err := c.WriteSVG(&b); err == nil {
			names = append(names, ch.Name)
			svgs[ch.Name] = b.Bytes()
		}
	}
	if len(r.Poles) == 2 {
		a, z := r.Poles[0].Name, r.Poles[1].Name
		c := Chart{Title: fmt.Sprintf("%s — tilt between %s (−1) and %s (+1), %s", r.CountryName, a, z, years(r)),
			YLabel: fmt.Sprintf("%s (−)  ·  tilt  ·  %s (+)", a, z), XLabel: "calendar year"}
		for _, sh := range r.Shifts {
			if strings.Contains(sh.Pole, "/") {
				c.Marks = append(c.Marks, ChartMark{X: yearOf(sh.Period) - 0.5, Label: shiftText(r, sh)})
			}
		}
		var thin, boot bool
		for _, ch := range r.Channels {
			if ch.Tilt != nil && ch.HasData {
				l := seriesLine(ch, *ch.Tilt)
				l.Label = ch.Name
				c.Lines = append(c.Lines, l)
				thin = thin || hasThin(*ch.Tilt)
				boot = boot || ch.Name != Ties
			}
		}
		c.Notes = []string{fmt.Sprintf("Tilt = (value toward %s − value toward %s)/2 on each channel's own scale; |tilt| under %.2f is balanced, over %.2f sides with a pole.", z, a, r.Thresholds.BalancedBelow, r.Thresholds.SidesAbove)}
		if boot {
			c.Notes = append(c.Notes, "Band: the tilt's 90% interval, ((lo toward "+z+" − hi toward "+a+")/2, (hi toward "+z+" − lo toward "+a+")/2), from each pole's bootstrap interval; ties have no sampling interval.")
		}
		if thin {
			c.Notes = append(c.Notes, fmt.Sprintf("Hollow point: thin year (under %d roll calls or %d events), no interval, left out of the verdict and of shift detection.", align.MinRollCalls, align.MinEvents))
		}
		var b bytes.Buffer
		if err := c.WriteSVG(&b); err == nil {
			names = append(names, "tilt")
			svgs["tilt"] = b.Bytes()
		}
	}
	return names, svgs
}

// yLabel names a channel's y axis with its unit.
func yLabel(channel string) string {
	switch channel {
	case Votes:
		return "Cohen's κ with the pole's vote"
	case Ties:
		return "ties: 2 × bound share − 1"
	}
	return "cooperation (Goldstein/10, shrunk)"
}

// chartNotes says under a channel's chart what its values and band are,
// and what a hollow point means.
func chartNotes(ch Channel) []string {
	var n []string
	switch ch.Name {
	case Votes:
		n = append(n, "Value: Cohen's κ, agreement with the plurality vote of the pole's member states beyond chance (1 identical, 0 chance, below 0 less than chance). Band: 90% bootstrap interval over the year's roll calls.")
	case Statements:
		n = append(n, fmt.Sprintf("Value: mean Goldstein score /10 of the state's events toward the pole's members, shrunk toward 0 by %g neutral events (−1 hostile, +1 cooperative). Band: 90%% bootstrap interval over documents, or, in a year with 1 or 2 documents, over their events, which are not independent, so that band is narrower than the truth.", align.DefaultPrior))
	case Ties:
		n = append(n, "Value: 2s − 1, s the weighted share of the pole's states and organisations the state is allied with or belongs to (−1 none, +1 all). Counts, not a sample: no interval.")
	}
	thin := false
	for _, s := range ch.Series {
		thin = thin || hasThin(s)
	}
	if thin {
		what := fmt.Sprintf("fewer than %d %s", ch.MinUnits, ch.Unit)
		if ch.Name == Statements {
			what += " (or events that all weigh 0)"
		}
		n = append(n, fmt.Sprintf("Hollow point: thin year, %s, shown without an interval and left out of the verdict and of shift detection.", what))
	}
	return n
}

// hasThin reports whether s has a thin point.
func hasThin(s align.Series) bool {
	for _, p := range s.Points {
		if p.Thin {
			return true
		}
	}
	return false
}

// years is the report's period: "2019" or "1992–2020".
func years(r *Report) string {
	if r.From == r.To {
		return strconv.Itoa(r.From)
	}
	return fmt.Sprintf("%d–%d", r.From, r.To)
}

// units says "1 document", "2 documents": n and unit, a plural in s, by
// [plural].
func units(n int, unit string) string {
	return fmt.Sprintf("%d %s", n, plural(n, strings.TrimSuffix(unit, "s"), unit))
}

// pointCount says what a point rests on: "1 roll call", "4 events in 1
// document"; a statements point thin for want of spread says so ("3 events
// in 1 document, all of weight 0").
func pointCount(ch Channel, p align.Point) string {
	if ch.Name == Statements {
		s := units(p.N, "events") + " in " + units(p.Units, "documents")
		if allWeightZero(ch.Name, p) {
			s += ", all of weight 0"
		}
		return s
	}
	return units(align.ThinCount(ch.Name, p), ch.Unit)
}

// allWeightZero reports whether p is a statements point thin for want of
// spread rather than of events: with [align.MinEvents] or more events,
// [align.IsThin] holds only when every event weighs 0.
func allWeightZero(channel string, p align.Point) bool {
	return channel == Statements && p.Thin && p.N >= align.MinEvents
}

// seriesLine turns a channel's series into a chart line: years without data
// are gaps, thin years hollow points.
func seriesLine(ch Channel, s align.Series) ChartLine {
	l := ChartLine{Label: s.Pole}
	for _, p := range s.Points {
		x := yearOf(p.Period)
		if p.N == 0 {
			l.Points = append(l.Points, ChartPoint{X: x, Y: math.NaN()})
			continue
		}
		cp := ChartPoint{X: x, Y: p.Value, Lo: p.Lo, Hi: p.Hi, Thin: p.Thin,
			Title: fmt.Sprintf("%s %s: %.3f [%.3f, %.3f], %s", s.Pole, p.Period, p.Value, p.Lo, p.Hi, pointCount(ch, p))}
		if p.Resampled == align.ResampledEvents {
			cp.Title += ", events resampled"
		}
		if p.Thin { // WriteSVG draws a thin point hollow, without its band
			cp.Title = fmt.Sprintf("%s %s: %.3f, thin: %s (minimum %d %s), no interval", s.Pole, p.Period, p.Value, pointCount(ch, p), ch.MinUnits, ch.Unit)
		}
		l.Points = append(l.Points, cp)
	}
	return l
}

// yearOf turns a period label ("2014", "2019-02") into a fractional year.
func yearOf(label string) float64 {
	y, m, _ := strings.Cut(label, "-")
	yf, err := strconv.Atoi(y)
	if err != nil {
		return math.NaN()
	}
	if mf, err := strconv.Atoi(m); err == nil {
		return float64(yf) + float64(mf-1)/12
	}
	return float64(yf)
}

// WriteMarkdown writes the report as Markdown. chartLink, when not nil,
// gives the relative path of each chart's SVG file (see [Report.Charts]);
// nil leaves the charts out.
func (r *Report) WriteMarkdown(w io.Writer, chartLink func(name string) string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s (%s) between %s, %d–%d\n\n", r.CountryName, r.Country, poleNames(r), r.From, r.To)
	fmt.Fprintf(&b, "**Verdict.** %s\n\n", r.Verdict)
	fmt.Fprintf(&b, "Thresholds on |tilt|: balanced below %.2f, sides with a pole above %.2f, leans in between. Tilt = (x_%s − x_%s)/2: negative toward %s, positive toward %s.\n\n",
		r.Thresholds.BalancedBelow, r.Thresholds.SidesAbove, lastPole(r), firstPole(r), firstPole(r), lastPole(r))
	if chartLink != nil {
		names, _ := r.Charts()
		for _, n := range names {
			if n == "tilt" {
				fmt.Fprintf(&b, "![tilt](%s)\n\n", chartLink(n))
			}
		}
	}
	for _, ch := range r.Channels {
		fmt.Fprintf(&b, "## %s\n\n%s\n\n", title(ch.Name), ch.Method)
		if len(ch.Origins) > 0 {
			fmt.Fprintf(&b, "Origins of these events: %s.\n\n", strings.Join(ch.Origins, ", "))
		}
		if !ch.HasData {
			fmt.Fprintf(&b, "No data for this channel in %d–%d.\n\n", r.From, r.To)
			continue
		}
		if chartLink != nil {
			fmt.Fprintf(&b, "![%s](%s)\n\n", ch.Name, chartLink(ch.Name))
		}
		writeChannelTable(&b, ch)
		if len(ch.Neither) > 0 {
			fmt.Fprintf(&b, "\nRoll calls on which %s and %s split:\n\n| year | split votes | with %s | with %s | neither |\n|---|---|---|---|---|\n", firstPole(r), lastPole(r), firstPole(r), lastPole(r))
			for _, n := range ch.Neither {
				few := ""
				if n.Thin {
					few = " (thin)"
				}
				fmt.Fprintf(&b, "| %s | %d%s | %.1f%% | %.1f%% | %.1f%% |\n", n.Period, n.N, few, 100*n.WithA, 100*n.WithB, 100*n.Neither)
			}
		}
		if len(ch.Shares) > 0 {
			fmt.Fprintf(&b, "\n| year | %s | entropy |\n|---|%s---|\n", strings.Join(poleList(r), " | "), strings.Repeat("---|", len(r.Poles)))
			for _, s := range ch.Shares {
				var cells []string
				for _, v := range s.Shares {
					cells = append(cells, fmt.Sprintf("%.2f", v))
				}
				period := s.Period
				if s.Thin {
					period += " (thin)"
				}
				if s.Unbound {
					fmt.Fprintf(&b, "| %s |%s bound to none |\n", period, strings.Repeat(" – |", len(cells)))
					continue
				}
				fmt.Fprintf(&b, "| %s | %s | %.2f |\n", period, strings.Join(cells, " | "), s.Entropy)
			}
		}
		b.WriteString("\n")
	}
	if len(r.Combined) > 0 {
		b.WriteString("## Combined\n\n| year | combined tilt | channels | spread sd | range |\n|---|---|---|---|---|\n")
		for _, c := range r.Combined {
			fmt.Fprintf(&b, "| %s | %+.3f | %d | %.3f | %.3f |\n", c.Period, c.Tilt, c.Channels, c.SD, c.Range)
		}
		b.WriteString("\n")
	}
	b.WriteString("## Shifts\n\n")
	if len(r.Shifts) == 0 {
		b.WriteString("No change points found in any channel's tilt series.\n\n")
	}
	for _, s := range r.Shifts {
		fmt.Fprintf(&b, "- %s (mean %+.3f before, %+.3f after). Evidence before: %s; after: %s.\n",
			shiftText(r, s), s.MeanBefore, s.MeanAfter, idList(s.EvidenceBefore), idList(s.EvidenceAfter))
	}
	b.WriteString("\n## Evidence\n\n")
	for _, pe := range r.Evidence {
		fmt.Fprintf(&b, "### With %s\n\n", pe.Pole)
		if len(pe.Statements) > 0 {
			b.WriteString("Cooperative statements toward this pole's members:\n\n")
			for _, s := range pe.Statements {
				fmt.Fprintf(&b, "- %s, %s → %s, CAMEO %s %s (%+.1f): %s — %s [%s]\n", orUnknown(s.Date), who(s), s.Target, s.CAMEO, s.Label, s.Goldstein, quote(s), cite(s), s.ID)
			}
			b.WriteString("\n")
		}
		if len(pe.Votes) > 0 {
			b.WriteString("Roll calls (voted with this pole against the other):\n\n")
			for _, v := range pe.Votes {
				imp := ""
				if v.Important {
					imp = " (important vote)"
				}
				fmt.Fprintf(&b, "- %s, session %d, %s%s: %s — voted %s; pole %s, other pole %s [%s]\n", v.Date, v.Session, v.Resolution, imp, v.Title, v.Vote, v.PoleVote, v.OtherVote, v.ID)
			}
			b.WriteString("\n")
		}
		if len(pe.Ties) > 0 {
			b.WriteString("Ties:\n\n")
			for _, t := range pe.Ties {
				fmt.Fprintf(&b, "- %s [%s]\n", t.Text, t.ID)
			}
			b.WriteString("\n")
		}
		if len(pe.Statements)+len(pe.Votes)+len(pe.Ties) == 0 {
			b.WriteString("None found.\n\n")
		}
	}
	b.WriteString("## Notes\n\n")
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "- %s\n", n)
	}
	b.WriteString("\n## Sources\n\n")
	for _, s := range r.Sources {
		fmt.Fprintf(&b, "- %s\n", s)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeChannelTable(b *strings.Builder, ch Channel) {
	b.WriteString("| year |")
	for _, s := range ch.Series {
		fmt.Fprintf(b, " %s [90%% interval] (n) |", s.Pole)
	}
	if ch.Tilt != nil {
		b.WriteString(" tilt [interval] |")
	}
	b.WriteString("\n|---|")
	b.WriteString(strings.Repeat("---|", len(ch.Series)))
	if ch.Tilt != nil {
		b.WriteString("---|")
	}
	b.WriteString("\n")
	if len(ch.Series) == 0 {
		return
	}
	for i, p0 := range ch.Series[0].Points {
		any := false
		for _, s := range ch.Series {
			if i < len(s.Points) && s.Points[i].N > 0 {
				any = true
			}
		}
		if !any {
			continue
		}
		fmt.Fprintf(b, "| %s |", p0.Period)
		for _, s := range ch.Series {
			if i >= len(s.Points) || s.Points[i].N == 0 {
				b.WriteString(" – |")
				continue
			}
			p := s.Points[i]
			if p.Thin {
				fmt.Fprintf(b, " %+.3f thin: %s |", p.Value, pointCount(ch, p))
				continue
			}
			fmt.Fprintf(b, " %+.3f [%+.3f, %+.3f] (%d) |", p.Value, p.Lo, p.Hi, p.N)
		}
		if ch.Tilt != nil {
			if i < len(ch.Tilt.Points) && ch.Tilt.Points[i].N > 0 {
				t := ch.Tilt.Points[i]
				if t.Thin {
					fmt.Fprintf(b, " %+.3f thin |", t.Value)
				} else {
					fmt.Fprintf(b, " %+.3f [%+.3f, %+.3f] |", t.Value, t.Lo, t.Hi)
				}
			} else {
				b.WriteString(" – |")
			}
		}
		b.WriteString("\n")
	}
}

func poleList(r *Report) []string {
	var out []string
	for _, p := range r.Poles {
		out = append(out, p.Name)
	}
	return out
}

func poleNames(r *Report) string {
	l := poleList(r)
	if len(l) == 2 {
		return l[0] + " and " + l[1]
	}
	return strings.Join(l, ", ")
}

func firstPole(r *Report) string { return r.Poles[0].Name }
func lastPole(r *Report) string {
	if len(r.Poles) > 1 {
		return r.Poles[1].Name
	}
	return r.Poles[0].Name
}

func title(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func idList(ids []string) string {
	if len(ids) == 0 {
		return "none"
	}
	if len(ids) > 4 {
		return strings.Join(ids[:4], ", ") + fmt.Sprintf(" and %d more", len(ids)-4)
	}
	return strings.Join(ids, ", ")
}

func orUnknown(s string) string {
	if s == "" {
		return "undated"
	}
	return s
}

func who(s Statement) string {
	if s.Speaker != "" {
		return s.Speaker + " (" + s.Source + ")"
	}
	return s.Source
}

func quote(s Statement) string {
	if s.Quote == "" {
		return fmt.Sprintf("(bytes %d–%d of the source text)", s.Start, s.End)
	}
	q := strings.Join(strings.Fields(s.Quote), " ")
	if r := []rune(q); len(r) > 300 {
		q = string(r[:299]) + "…"
	}
	return "“" + q + "”"
}

func cite(s Statement) string {
	t := s.DocTitle
	if t == "" {
		t = "document " + s.Doc
	}
	if s.DocURL != "" {
		t += " <" + s.DocURL + ">"
	}
	return t
}

// WriteHTML writes the report as one self-contained HTML page with the
// charts inline.
func (r *Report) WriteHTML(w io.Writer) error {
	names, svgs := r.Charts()
	charts := map[string]template.HTML{}
	for _, n := range names {
		charts[n] = template.HTML(svgs[n]) // generated by Chart.WriteSVG, which escapes every text
	}
	return htmlTmpl.Execute(w, struct {
		R      *Report
		Charts map[string]template.HTML
	}{r, charts})
}

var htmlTmpl = template.Must(template.New("report").Funcs(template.FuncMap{
	"f3":           func(v float64) string { return fmt.Sprintf("%+.3f", v) },
	"pct":          func(v float64) string { return fmt.Sprintf("%.1f%%", 100*v) },
	"minRollCalls": func() int { return align.MinRollCalls },
	"title":        title,
	"units":        units,
	"count":        pointCount,
	"shift":        shiftText,
	"quote":        quote,
	"cite":         cite,
	"who":          who,
	"first":        firstPole,
	"last":         lastPole,
	"hasN": func(ch Channel, i int) bool {
		for _, s := range ch.Series {
			if i < len(s.Points) && s.Points[i].N > 0 {
				return true
			}
		}
		return false
	},
	"pt": func(s align.Series, i int) *align.Point {
		if i < len(s.Points) && s.Points[i].N > 0 {
			return &s.Points[i]
		}
		return nil
	},
}).Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>{{.R.CountryName}} between {{range $i, $p := .R.Poles}}{{if $i}} and {{end}}{{$p.Name}}{{end}}, {{.R.From}}–{{.R.To}}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
table{border-collapse:collapse;margin:.5em 0 1em;font-size:.9em}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:right}
th:first-child,td:first-child{text-align:left}.verdict{background:#f4f6fa;border-left:4px solid #1f5fa8;padding:.6em 1em}
.ev li{margin:.3em 0}td.thin{color:#777;font-style:italic}.muted{color:#666;font-size:.9em}svg{max-width:100%;height:auto}
</style></head><body>
<h1>{{.R.CountryName}} ({{.R.Country}}) between {{range $i, $p := .R.Poles}}{{if $i}} and {{end}}{{$p.Name}}{{end}}, {{.R.From}}–{{.R.To}}</h1>
<p class="verdict"><strong>Verdict.</strong> {{.R.Verdict}}</p>
<p class="muted">Thresholds on |tilt|: balanced below {{.R.Thresholds.BalancedBelow}}, sides with a pole above {{.R.Thresholds.SidesAbove}}, leans in between.{{if eq (len .R.Poles) 2}} Tilt is negative toward {{first .R}}, positive toward {{last .R}}.{{end}}</p>
{{with index .Charts "tilt"}}{{.}}{{end}}
{{range $ch := .R.Channels}}
<h2>{{title $ch.Name}}</h2><p class="muted">{{$ch.Method}}{{if $ch.Origins}} Origins: {{range $i, $o := $ch.Origins}}{{if $i}}, {{end}}{{$o}}{{end}}.{{end}}</p>
{{if not $ch.HasData}}<p>No data for this channel in {{$.R.From}}–{{$.R.To}}.</p>{{else}}
{{with index $.Charts $ch.Name}}{{.}}{{end}}
<table><tr><th>year</th>{{range $ch.Series}}<th>{{.Pole}} [90% interval] (n)</th>{{end}}{{if $ch.Tilt}}<th>tilt</th>{{end}}</tr>
{{range $i, $p0 := (index $ch.Series 0).Points}}{{if hasN $ch $i}}<tr><td>{{$p0.Period}}</td>{{range $s := $ch.Series}}{{with pt $s $i}}{{if .Thin}}<td class="thin" title="thin: under {{$ch.MinUnits}} {{$ch.Unit}}; no interval">{{f3 .Value}} thin: {{count $ch .}}</td>{{else}}<td title="evidence: {{len .Evidence}} items">{{f3 .Value}} [{{f3 .Lo}}, {{f3 .Hi}}] ({{.N}})</td>{{end}}{{else}}<td>–</td>{{end}}{{end}}{{if $ch.Tilt}}{{with pt $ch.Tilt $i}}<td{{if .Thin}} class="thin"{{end}}>{{f3 .Value}}{{if .Thin}} thin{{end}}</td>{{else}}<td>–</td>{{end}}{{end}}</tr>
{{end}}{{end}}</table>
{{if $ch.Neither}}<table><tr><th>year</th><th>split votes</th><th>with {{first $.R}}</th><th>with {{last $.R}}</th><th>neither</th></tr>
{{range $ch.Neither}}<tr{{if .Thin}} class="thin" title="thin: under {{minRollCalls}} split votes"{{end}}><td>{{.Period}}</td><td>{{.N}}{{if .Thin}} (thin){{end}}</td><td>{{pct .WithA}}</td><td>{{pct .WithB}}</td><td>{{pct .Neither}}</td></tr>{{end}}</table>{{end}}
{{end}}{{end}}
<h2>Shifts</h2>{{if not .R.Shifts}}<p>No change points found in any channel's tilt series.</p>{{end}}<ul>
{{range .R.Shifts}}<li>{{shift $.R .}} (mean {{f3 .MeanBefore}} before, {{f3 .MeanAfter}} after)</li>{{end}}</ul>
<h2>Evidence</h2>
{{range .R.Evidence}}<h3>With {{.Pole}}</h3><ul class="ev">
{{range .Statements}}<li>{{.Date}}, {{who .}} → {{.Target}}, CAMEO {{.CAMEO}} {{.Label}} ({{printf "%+.1f" .Goldstein}}): {{quote .}} — {{cite .}} <span class="muted">[{{.ID}}]</span></li>{{end}}
{{range .Votes}}<li>{{.Date}}, session {{.Session}}, {{.Resolution}}{{if .Important}} (important vote){{end}}: {{.Title}} — voted {{.Vote}}; pole {{.PoleVote}}, other pole {{.OtherVote}} <span class="muted">[{{.ID}}]</span></li>{{end}}
{{range .Ties}}<li>{{.Text}} <span class="muted">[{{.ID}}]</span></li>{{end}}
</ul>{{end}}
<h2>Notes</h2><ul>{{range .R.Notes}}<li>{{.}}</li>{{end}}</ul>
<h2>Sources</h2><ul class="muted">{{range .R.Sources}}<li>{{.}}</li>{{end}}</ul>
</body></html>
`))

// shiftText describes a change point: on a tilt series (Pole "A/B") as a
// move toward a pole, on one pole's series as a rise or fall of the value
// toward that pole.
func shiftText(r *Report, s align.Shift) string {
	if strings.Contains(s.Pole, "/") {
		dir := lastPole(r)
		if s.Size < 0 {
			dir = firstPole(r)
		}
		return fmt.Sprintf("%s from %s: tilt moved %+.3f toward %s", s.Channel, s.Period, s.Size, dir)
	}
	verb := "rose"
	if s.Size < 0 {
		verb = "fell"
	}
	return fmt.Sprintf("%s toward %s from %s: value %s by %.3f", s.Channel, s.Pole, s.Period, verb, math.Abs(s.Size))
}
