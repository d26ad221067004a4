package code_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fulcrum-dev/fulcrum/internal/actors"
	"github.com/fulcrum-dev/fulcrum/internal/code"
	"github.com/fulcrum-dev/fulcrum/internal/doc"
	"github.com/fulcrum-dev/fulcrum/internal/event"
)

var (
	coderOnce sync.Once
	coder     *code.Coder
	coderErr  error
)

// builtin returns a coder with the built-in dictionary and rules.
func builtin(tb testing.TB) *code.Coder {
	tb.Helper()
	coderOnce.Do(func() {
		d, err := actors.Builtin()
		if err != nil {
			coderErr = fmt.Errorf("actors: %w", err)
			return
		}
		rs, err := code.DefaultRules()
		if err != nil {
			coderErr = fmt.Errorf("rules: %w", err)
			return
		}
		coder = code.New(d, rs)
	})
	if coderErr != nil {
		tb.Fatal(coderErr)
	}
	return coder
}

// want describes one expected event; empty fields are not checked.
type want struct {
	src, tgt, cameo string
	negated         bool
	modality        string
	date            string // "2019-03-05/day"
	quote           bool
	speaker         string
	rule            string
}

func (w want) String() string {
	return fmt.Sprintf("%s→%s %s neg=%v mod=%s date=%s quote=%v speaker=%q rule=%s", w.src, w.tgt, w.cameo, w.negated, w.modality, w.date, w.quote, w.speaker, w.rule)
}

func show(e event.Event) string {
	return fmt.Sprintf("%s→%s %s neg=%v mod=%s date=%s/%s quote=%v speaker=%q rule=%s", e.Source, e.Target, e.CAMEO, e.Negated, e.Modality, e.Date, e.DatePrecision, e.Quote, e.Speaker, e.Rule)
}

func matches(e event.Event, w want) bool {
	if e.Source != w.src || e.Target != w.tgt {
		return false
	}
	if w.cameo != "" && e.CAMEO != w.cameo {
		return false
	}
	if e.Negated != w.negated {
		return false
	}
	if w.modality != "" && e.Modality != w.modality {
		return false
	}
	if w.date != "" && e.Date+"/"+e.DatePrecision != w.date {
		return false
	}
	if e.Quote != w.quote {
		return false
	}
	if w.speaker != "" && e.Speaker != w.speaker {
		return false
	}
	if w.rule != "" && e.Rule != w.rule {
		return false
	}
	return true
}

type codeCase struct {
	name   string
	text   string
	author string
	want   []want
	// not lists events that must not appear (src, tgt and cameo root
	// prefix are compared; negated events are ignored when notCounting).
	not []want
}

var docDate = time.Date(2019, 3, 10, 0, 0, 0, 0, time.UTC)

func runCases(t *testing.T, cases []codeCase) {
	t.Helper()
	c := builtin(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := doc.Document{ID: "test", Text: tc.text, Author: tc.author, Date: docDate, DatePrecision: event.PrecisionDay}
			got := c.Code(d)
			for _, w := range tc.want {
				found := false
				for _, e := range got {
					if matches(e, w) {
						found = true
						break
					}
				}
				if !found {
					var lines []string
					for _, e := range got {
						lines = append(lines, "  "+show(e))
					}
					t.Errorf("missing %v\ngot:\n%s", w, strings.Join(lines, "\n"))
				}
			}
			for _, n := range tc.not {
				for _, e := range got {
					if e.Source == n.src && e.Target == n.tgt && strings.HasPrefix(e.CAMEO, n.cameo) && e.Counts() {
						t.Errorf("unexpected counting event %s", show(e))
					}
				}
			}
			for _, e := range got {
				if e.Evidence.Start < 0 || e.Evidence.End > len(tc.text) || tc.text[e.Evidence.Start:e.Evidence.End] != e.Evidence.Text {
					t.Errorf("evidence %+v does not match the text", e.Evidence)
				}
				if e.ID == "" || e.Origin != event.OriginText || e.Rule == "" || e.GoldsteinVer == "" {
					t.Errorf("incomplete event %+v", e)
				}
			}
		})
	}
}

func TestAttribution(t *testing.T) {
	runCases(t, []codeCase{
		{name: "said-colon-quote",
			text: "Foreign Minister Vladimir Makei said: “Belarus is ready for a constructive dialogue with NATO.”",
			want: []want{{src: "BLR", tgt: "NATO", cameo: "036", modality: event.Intent, quote: true, speaker: "Vladimir Makei"}}},
		{name: "stated-quote",
			text: "Lukashenko stated: “We will never join NATO.”",
			want: []want{{src: "BLR", tgt: "NATO", negated: true, modality: event.Intent, quote: true}}},
		{name: "according-to",
			text: "According to Makei, “Minsk condemns the sanctions of the European Union.”",
			want: []want{{src: "BLR", tgt: "EU", cameo: "111", quote: true}}},
		{name: "quote-then-said",
			text: "“We condemn the decision of NATO,” Makei said.",
			want: []want{{src: "BLR", tgt: "NATO", cameo: "111", quote: true, speaker: "Vladimir Makei"}}},
		{name: "quote-then-said-inverted",
			text: "“We condemn the decision of NATO,” said Lukashenko.",
			want: []want{{src: "BLR", tgt: "NATO", cameo: "111", quote: true, speaker: "Alexander Lukashenko"}}},
		{name: "in-his-view",
			text: "Makei spoke in Vienna. In his view, “we welcome the position of the OSCE”.",
			want: []want{{src: "BLR", tgt: "OSCE", cameo: "051", quote: true, speaker: "Vladimir Makei"}}},
		{name: "reported-that",
			text: "Lukashenko stated that Belarus would join the Eurasian Economic Union.",
			want: []want{{src: "BLR", tgt: "EAEU", cameo: "032", modality: event.Intent}}},
		{name: "reported-other-actor",
			text: "Makei said that Russia had criticised Poland.",
			want: []want{{src: "RUS", tgt: "POL", cameo: "111", modality: event.Reported}}},
		{name: "it-was-revealed",
			text: "It was revealed that Russia had deployed troops in Belarus.",
			want: []want{{src: "RUS", tgt: "BLR", cameo: "154", modality: event.Reported}}},
		{name: "pronoun-he",
			text: "Lukashenko met Putin in Sochi. He noted that Belarus would never recognise Crimea as Russian territory.",
			want: []want{{src: "BLR", tgt: "RUS", cameo: "044", speaker: "Alexander Lukashenko"},
				{src: "BLR", tgt: "RUS", cameo: "032", negated: true, speaker: "Alexander Lukashenko"}}},
		{name: "pronoun-she-quote",
			// In March 2019 (the test documents' date) she was Germany's
			// defence minister, not yet President of the Commission.
			text: "Ursula von der Leyen visited Kyiv. “We support Ukraine,” she said.",
			want: []want{{src: "DEU", tgt: "UKR", cameo: "051", quote: true, speaker: "Ursula von der Leyen"}}},
		{name: "first-person-author",
			text: "We condemn the aggression of the Russian Federation against Ukraine.", author: "UKR",
			want: []want{{src: "UKR", tgt: "RUS", cameo: "111"}}},
		{name: "my-delegation",
			text: "My delegation supports the efforts of the OSCE.", author: "ARM",
			want: []want{{src: "ARM", tgt: "OSCE", cameo: "051"}}},
		{name: "unattributed-subject",
			text: "Belarus joined the CSTO.",
			want: []want{{src: "BLR", tgt: "CSTO", cameo: "050"}}},
		{name: "unattributed-subject-2",
			text: "Russia imposed sanctions on Ukraine. The EU imposed sanctions on Belarus.",
			want: []want{{src: "RUS", tgt: "UKR", cameo: "163"}, {src: "EU", tgt: "BLR", cameo: "163"}}},
		{name: "passive",
			text: "Belarus was criticised by the European Union.",
			want: []want{{src: "EU", tgt: "BLR", cameo: "111"}}},
		{name: "coordinated-subjects",
			text: "Russia and Belarus signed an agreement on a union state.",
			want: []want{{src: "RUS", tgt: "BLR", cameo: "057"}, {src: "BLR", tgt: "RUS", cameo: "057"}}},
		{name: "plain-statement",
			text: "“Our relations with China are excellent,” Lukashenko said.",
			want: []want{{src: "BLR", tgt: "CHN", cameo: "010", quote: true, rule: code.StatementRule}}},
		{name: "no-speaker-no-event",
			text: "Dozens of local conflicts are tearing the world apart.",
			not:  []want{{src: "", tgt: ""}}},
	})
}

func TestNegationModality(t *testing.T) {
	runCases(t, []codeCase{
		{name: "never-willingness",
			text: "Belarus has never shown any willingness to join NATO.",
			want: []want{{src: "BLR", tgt: "NATO", negated: true, modality: event.Intent}},
			not:  []want{{src: "BLR", tgt: "NATO", cameo: "0"}}},
		{name: "did-not-recognise",
			text: "Belarus did not recognise the independence of Kosovo.",
			want: []want{{src: "BLR", tgt: "XKX", cameo: "054", negated: true}},
			not:  []want{{src: "BLR", cameo: "05"}}},
		{name: "do-not-welcome",
			text: "We do not welcome the expansion of NATO.", author: "BLR",
			want: []want{{src: "BLR", tgt: "NATO", cameo: "051", negated: true}}},
		{name: "refused-to",
			text: "Minsk refused to recognise the annexation of Crimea by Russia.",
			want: []want{{src: "BLR", tgt: "RUS", cameo: "120", rule: "recognise+reject"}}},
		{name: "refused-talks",
			text: "Azerbaijan refused to hold talks with Armenia.",
			want: []want{{src: "AZE", tgt: "ARM", cameo: "125"}}},
		{name: "ready-for-dialogue",
			text: "Belarus is ready for a constructive dialogue, including with the North Atlantic bloc.",
			want: []want{{src: "BLR", tgt: "NATO", cameo: "036", modality: event.Intent}},
			not:  []want{{src: "BLR", tgt: "NATO", cameo: "04"}}},
		{name: "would-hypothetical",
			text: "Belarus would join the European Union only if Brussels changed its policy.",
			want: []want{{src: "BLR", tgt: "EU", modality: event.Hypothetical}}},
		{name: "if-hypothetical",
			text: "If Russia attacked, Poland could mobilise troops.",
			want: []want{{src: "POL", tgt: "", cameo: "154", modality: event.Hypothetical}}},
		{name: "not-going-to-choose",
			text: "“We are not going to choose any side,” Makei said.",
			want: []want{{src: "BLR", tgt: "", cameo: "010", negated: true, quote: true}}},
		{name: "reportedly",
			text: "Russia reportedly deployed troops to Belarus.",
			want: []want{{src: "RUS", tgt: "BLR", cameo: "154", modality: event.Reported}}},
		{name: "threatened-sanctions",
			text: "The European Union threatened to impose sanctions on Belarus.",
			want: []want{{src: "EU", tgt: "BLR", cameo: "1312"}}},
		{name: "urged-to-negotiate",
			text: "The OSCE urged Armenia and Azerbaijan to resume negotiations.",
			want: []want{{src: "OSCE", tgt: "ARM", cameo: "026"}}},
		{name: "demanded-release",
			text: "Lithuania demanded the release of its citizens from Belarus.",
			want: []want{{src: "LTU", tgt: "BLR", cameo: "1053"}}},
		{name: "suspended-talks",
			text: "Russia suspended talks with Ukraine.",
			want: []want{{src: "RUS", tgt: "UKR", cameo: "164"}}},
		{name: "will-intent",
			text: "China will provide humanitarian aid to Ukraine.",
			want: []want{{src: "CHN", tgt: "UKR", cameo: "0333", modality: event.Intent}}},
		{name: "will-threat",
			text: "Russia will deploy troops to Belarus.",
			want: []want{{src: "RUS", tgt: "BLR", cameo: "138", modality: event.Intent}}},
	})
}

func TestDatesInCoding(t *testing.T) {
	runCases(t, []codeCase{
		{name: "on-month-day-year",
			text: "On March 5, 2019, Lukashenko criticised NATO.",
			want: []want{{src: "BLR", tgt: "NATO", cameo: "111", date: "2019-03-05/day"}}},
		{name: "on-day-month-year",
			text: "On 23 March 2014 Russia annexed Crimea and Ukraine protested.",
			want: []want{{src: "RUS", tgt: "UKR", cameo: "192", date: "2014-03-23/day"}, {src: "UKR", tgt: "RUS", cameo: "140", date: "2014-03-23/day"}}},
		{name: "in-year",
			text: "In 2018 Belarus hosted talks between Russia and Ukraine.",
			want: []want{{src: "BLR", tgt: "RUS", cameo: "043", date: "2018/year"}}},
		{name: "month-year",
			text: "In March 2019 Poland criticised Belarus.",
			want: []want{{src: "POL", tgt: "BLR", cameo: "111", date: "2019-03/month"}}},
		{name: "same-session",
			text: "On 5 March 2019 Makei criticised the OSCE. In the same session, Belarus praised China.",
			want: []want{{src: "BLR", tgt: "CHN", cameo: "051", date: "2019-03-05/day"}}},
		{name: "continued-speaker",
			text: "On 5 March 2019 Makei met Lavrov. He noted that Minsk would strengthen relations with Moscow.",
			want: []want{{src: "BLR", tgt: "RUS", cameo: "032", date: "2019-03-05/day"}}},
		{name: "yesterday",
			text: "Yesterday Lithuania expelled Russian diplomats.",
			want: []want{{src: "LTU", tgt: "RUS", cameo: "166", date: "2019-03-09/day"}}},
		{name: "last-year",
			text: "Last year Georgia signed an agreement with the European Union.",
			want: []want{{src: "GEO", tgt: "EU", cameo: "057", date: "2018/year"}}},
		{name: "since-is-not-the-date",
			text: "Since 2014 Ukraine has criticised Russia.",
			want: []want{{src: "UKR", tgt: "RUS", cameo: "111", date: "2019-03-10/doc"}}},
		{name: "weekday-counts-back-from-doc-date",
			text: "Kenya criticised Somalia on Tuesday over the border raids.",
			want: []want{{src: "KEN", tgt: "SOM", cameo: "111", date: "2019-03-05/day"}}},
		{name: "weekday-of-doc-date",
			text: "Chile's foreign minister said on Sunday that Santiago condemned the Peruvian decision.",
			want: []want{{src: "CHL", tgt: "PER", cameo: "111", date: "2019-03-10/day"}}},
		{name: "last-weekday-is-before",
			text: "Last Sunday, Vietnam protested to China over the fishing boats.",
			want: []want{{src: "VNM", tgt: "CHN", date: "2019-03-03/day"}}},
		{name: "bare-month-before-doc-month",
			text: "In November, Ghana signed a trade agreement with Nigeria.",
			want: []want{{src: "GHA", tgt: "NGA", cameo: "057", date: "2018-11/month"}}},
		{name: "bare-month-of-doc-month",
			text: "Jordan criticised Israel in March.",
			want: []want{{src: "JOR", tgt: "ISR", cameo: "111", date: "2019-03/month"}}},
		{name: "next-day",
			text: "On 5 March 2019 Chile criticised Peru. The next day Peru expelled a Chilean diplomat.",
			want: []want{{src: "PER", tgt: "CHL", cameo: "166", date: "2019-03-06/day"}}},
		{name: "dateline-city-is-no-actor",
			text: "NAIROBI, March 8 (Reuters) - Somalia accused Ethiopia on Thursday of arming rebels.",
			want: []want{{src: "SOM", tgt: "ETH", cameo: "112", date: "2019-03-07/day"}},
			not:  []want{{src: "KEN", tgt: "SOM"}, {src: "SOM", tgt: "KEN"}, {src: "KEN", tgt: "ETH"}}},
		{name: "doc-date",
			text: "Latvia criticised Russia.",
			want: []want{{src: "LVA", tgt: "RUS", cameo: "111", date: "2019-03-10/doc"}}},
	})
}

func TestTargets(t *testing.T) {
	runCases(t, []codeCase{
		{name: "criticised-the-cstp",
			text: "Armenia criticised the CSTO.",
			want: []want{{src: "ARM", tgt: "CSTO", cameo: "111"}}},
		{name: "alias-north-atlantic-bloc",
			text: "Belarus is ready for dialogue with the North Atlantic bloc.",
			want: []want{{src: "BLR", tgt: "NATO", cameo: "036"}}},
		{name: "two-targets",
			text: "Kazakhstan signed agreements with China and Russia.",
			want: []want{{src: "KAZ", tgt: "CHN", cameo: "057"}, {src: "KAZ", tgt: "RUS", cameo: "057"}}},
		{name: "source-not-target",
			text: "Belarus and its partners in the CSTO held joint military exercises.",
			not:  []want{{src: "BLR", tgt: "BLR"}}},
		// Condemning an act named by a noun criticises its agent (111); the
		// noun is the object of the criticism, not a separate accusation.
		{name: "noun-aggression-accusation",
			text: "We condemn Russian aggression against Georgia.", author: "GEO",
			want: []want{{src: "GEO", tgt: "RUS", cameo: "111"}},
			not:  []want{{src: "GEO", tgt: "RUS", cameo: "19"}}},
		{name: "noun-aggression-news",
			text: "Russian aggression against Ukraine continued.",
			want: []want{{src: "RUS", tgt: "UKR", cameo: "190"}}},
		{name: "noun-its-aggression",
			text: "The Russian Federation continues its aggression against Ukraine.", author: "UKR",
			want: []want{{src: "UKR", tgt: "RUS", cameo: "1123"}}},
		{name: "noun-its-aggression-news",
			text: "Russia continued its military aggression against Georgia.",
			want: []want{{src: "RUS", tgt: "GEO", cameo: "190"}}},
		{name: "material-act-not-author",
			text: "Terrorists killed civilians in the region.", author: "TUR",
			not: []want{{src: "TUR", tgt: "", cameo: "18"}}},
		{name: "name-across-line-break",
			text: "The European\nUnion imposed sanctions on Bela-\nrus.",
			want: []want{{src: "EU", tgt: "BLR", cameo: "163"}}},
		{name: "armed-clash",
			text: "Armenian and Azerbaijani troops clashed on the border.",
			want: []want{{src: "ARM", tgt: "AZE", cameo: "193"}}},
		{name: "protest",
			text: "Thousands of Georgians demonstrated against Russia in Tbilisi.",
			want: []want{{src: "GEO", tgt: "RUS", cameo: "141"}}},
	})
}

// TestPlacesAndWeapons covers capitals used as place names and weapons as
// the subject of a strike.
func TestPlacesAndWeapons(t *testing.T) {
	runCases(t, []codeCase{
		{name: "capital modifying an agreement is not an actor", author: "KAZ",
			text: "We fully support the Moscow format and call on both sides to honour the Astana agreements.",
			not:  []want{{src: "KAZ", tgt: "RUS"}, {src: "KAZ", tgt: "KAZ"}}},
		{name: "capital after in is a place", text: "Serbian and Croatian envoys held talks in Vienna on Tuesday.",
			want: []want{{src: "SRB", tgt: "HRV", cameo: "040"}, {src: "HRV", tgt: "SRB", cameo: "040"}},
			not:  []want{{src: "SRB", tgt: "AUT"}, {src: "HRV", tgt: "AUT"}}},
		{name: "members of the UN are not the UN", author: "KEN",
			text: "All Member States of the United Nations support the reform of the Security Council.",
			not:  []want{{src: "UN", tgt: "UNSC"}}},
		{name: "the UN itself stays an actor", text: "The United Nations condemned Russia for the attack.",
			want: []want{{src: "UN", tgt: "RUS", cameo: "111"}}},
		{name: "capital as subject stays an actor", text: "Beijing criticised Washington for the new tariffs.",
			want: []want{{src: "CHN", tgt: "USA", cameo: "111"}}},
		{name: "drones struck a city", text: "Iranian drones struck Israel overnight.",
			want: []want{{src: "IRN", tgt: "ISR", cameo: "1952"}}},
		{name: "warplanes bombed", text: "Syrian warplanes bombed rebel-held Idlib.",
			want: []want{{src: "SYR", cameo: "195"}}},
		{name: "missiles fired at a state", text: "North Korea fired two ballistic missiles at Japan.",
			want: []want{{src: "PRK", tgt: "JPN", cameo: "195"}}},
		{name: "capturing a town is occupation", text: "Azerbaijani troops captured the Armenian village of Tegh.",
			want: []want{{src: "AZE", tgt: "ARM", cameo: "192"}}},
		{name: "sport is not repression", text: "Serbia beat Croatia 2-0 in the handball semifinal.",
			not: []want{{src: "SRB", tgt: "HRV"}}},
		{name: "welcoming a signing is praise", text: "Kazakhstan welcomed the signing of the treaty between Armenia and Azerbaijan.",
			want: []want{{src: "KAZ", tgt: "ARM", cameo: "051"}},
			not:  []want{{src: "KAZ", tgt: "ARM", cameo: "057"}}},
	})
}

// TestHistoryAndClauses covers narrative about the world wars, targets in
// temporal clauses and disarmament.
func TestHistoryAndClauses(t *testing.T) {
	runCases(t, []codeCase{
		{name: "world war narrative is dated to the war", author: "POL",
			text: "During the Second World War, Germany invaded Poland.",
			want: []want{{src: "DEU", tgt: "POL", cameo: "190", date: "1939/year"}}},
		{name: "years ago is dated back from the document", text: "Fifty years ago, the United States invaded Cambodia.",
			want: []want{{src: "USA", tgt: "KHM", cameo: "190", date: "1969/year"}}},
		{name: "object of a when clause is not the target", text: "Kazakhstan praised the ceasefire when Armenia stopped shelling.",
			not: []want{{src: "KAZ", tgt: "ARM", cameo: "05"}}},
		{name: "giving up weapons is not supplying them", text: "South Africa gave up its nuclear weapons after talks with the United States.",
			want: []want{{src: "ZAF", tgt: "", cameo: "087"}},
			not:  []want{{src: "ZAF", tgt: "USA", cameo: "07"}}},
	})
}

// TestWireConflict covers wire-news wording of roots 14 to 20.
func TestWireConflict(t *testing.T) {
	runCases(t, []codeCase{
		{name: "staged strikes", text: "Polish miners staged strikes against the government.", want: []want{{src: "POL", cameo: "143"}}},
		{name: "troops sent to a border", text: "Turkey sent 3,000 soldiers to its border with Syria.", want: []want{{src: "TUR", tgt: "SYR", cameo: "154"}}},
		{name: "readiness raised", text: "Finland raised the readiness of its border guards.", want: []want{{src: "FIN", cameo: "152"}}},
		{name: "imports halted", text: "Japan halted imports of Chinese seafood.", want: []want{{src: "JPN", tgt: "CHN", cameo: "163"}}},
		{name: "supplies cut", text: "Gazprom's owner Russia cut gas supplies to Moldova.", want: []want{{src: "RUS", tgt: "MDA", cameo: "162"}}},
		{name: "massacred is mass killing", text: "Myanmar troops massacred Rohingya villagers.", want: []want{{src: "MMR", cameo: "202"}}, not: []want{{src: "MMR", cameo: "18"}}},
		{name: "repelled attacks", text: "Armenian forces repelled Azerbaijani attacks near the border.", want: []want{{src: "ARM", tgt: "AZE", cameo: "190"}}},
	})
}

// TestDemandThat covers "X demanded that Y do Z": Y is the demand's
// target and Z, not yet done, does not count.
func TestDemandThat(t *testing.T) {
	runCases(t, []codeCase{
		{name: "demand that a state withdraw", text: "Georgia demanded that Russia pull its forces out of Abkhazia.",
			want: []want{{src: "GEO", tgt: "RUS", cameo: "100"}},
			not:  []want{{src: "RUS", tgt: "", cameo: "08"}, {src: "RUS", tgt: "GEO", cameo: "08"}}},
		{name: "insist that a state stop", text: "Japan insisted that China stop its military drills near Taiwan.",
			want: []want{{src: "JPN", tgt: "CHN"}},
			not:  []want{{src: "CHN", tgt: "TWN"}}},
	})
}

// TestCoordinationAndNesting covers joint acts of coordinated subjects and
// acts that a stance names rather than asserts.
func TestCoordinationAndNesting(t *testing.T) {
	runCases(t, []codeCase{
		{name: "joint-act-place-is-not-target",
			text: "Chinese and Pakistani warships held joint naval exercises near the Iranian coast.",
			want: []want{{src: "CHN", tgt: "PAK", cameo: "062"}, {src: "PAK", tgt: "CHN", cameo: "062"}},
			not:  []want{{src: "CHN", tgt: "IRN"}, {src: "PAK", tgt: "IRN"}}},
		{name: "joint-talks-topic-is-not-target",
			text: "France and Germany held talks on the Ukrainian grain corridor.",
			want: []want{{src: "FRA", tgt: "DEU", cameo: "040"}, {src: "DEU", tgt: "FRA", cameo: "040"}},
			not:  []want{{src: "FRA", tgt: "UKR"}, {src: "DEU", tgt: "UKR"}}},
		{name: "joint-act-with-partner",
			text: "Russia and Belarus signed an agreement with Kazakhstan.",
			want: []want{{src: "RUS", tgt: "KAZ", cameo: "057"}, {src: "BLR", tgt: "KAZ", cameo: "057"}}},
		{name: "coordinated-with-the",
			text: "Japan and the United States reached a deal on semiconductors.",
			want: []want{{src: "JPN", tgt: "USA", cameo: "057"}, {src: "USA", tgt: "JPN", cameo: "057"}}},
		{name: "accused-of-act",
			text: "Georgia accused Russia of bombing villages near Gori.",
			want: []want{{src: "GEO", tgt: "RUS", cameo: "1123"}},
			not:  []want{{src: "RUS", cameo: "19"}, {src: "GEO", cameo: "19"}}},
		{name: "accused-of-no-accuser",
			text: "Azerbaijan detained two French citizens accused of espionage.",
			want: []want{{src: "AZE", tgt: "FRA", cameo: "173"}},
			not:  []want{{src: "AZE", tgt: "FRA", cameo: "112"}}},
		{name: "criticised-noun-act",
			text: "Beijing criticised Washington's arms sales to Taiwan.",
			want: []want{{src: "CHN", tgt: "USA", cameo: "111"}},
			not:  []want{{src: "USA", tgt: "TWN"}}},
		{name: "possessive-noun-not-verb",
			text: "Kyiv turned down Moscow's offer of talks.",
			want: []want{{src: "UKR", tgt: "RUS", cameo: "125"}},
			not:  []want{{src: "RUS", tgt: "UKR"}}},
		{name: "rejects-conflict-noun",
			text: "Cuba rejects the blockade imposed by the United States.", author: "CUB",
			want: []want{{src: "CUB", tgt: "USA", cameo: "120"}},
			not:  []want{{src: "USA", tgt: "CUB", cameo: "19"}}},
		{name: "opposed-cooperation-of-other",
			text: "Finland opposed the construction of an American air base on its soil.",
			want: []want{{src: "FIN", tgt: "USA", cameo: "1212"}}},
	})
}

// TestAttributionAndVoice covers trailing attribution, hostile acts in a
// speaker's words, the speaker's own country as object, light verbs and
// reduced passives.
func TestAttributionAndVoice(t *testing.T) {
	runCases(t, []codeCase{
		{name: "trailing-third-party",
			text: "Venezuela expelled three Colombian diplomats, the Colombian foreign ministry said.",
			want: []want{{src: "VEN", tgt: "COL", cameo: "166", modality: event.Reported}}},
		{name: "trailing-unknown-speaker",
			text: "Iran seized a Greek oil tanker in the Gulf, officials said on Tuesday.",
			want: []want{{src: "IRN", tgt: "GRC", cameo: "171", modality: event.Reported}}},
		{name: "trailing-speaker-not-target",
			text: "Eritrean troops killed dozens of civilians in Tigray, Ethiopia said.",
			not:  []want{{src: "ERI", tgt: "ETH"}, {src: "ETH", tgt: "ERI"}}},
		{name: "trailing-own-act",
			text: "Moldova will remain a reliable partner of Romania, President Sandu said.",
			want: []want{{src: "MDA", tgt: "ROU", cameo: "032", modality: event.Intent}}},
		{name: "lead-reported-hostile-act",
			text: "The Iraqi prime minister said Turkish drones had struck a village near Duhok.",
			want: []want{{src: "IRQ", tgt: "TUR", cameo: "1123", modality: event.Asserted}}},
		{name: "quoted-hostile-noun",
			text: "“NATO is preparing an attack on our country,” Lukashenko told state television.",
			want: []want{{src: "BLR", tgt: "NATO", cameo: "1123", quote: true}}},
		{name: "our-cities",
			text: "Foreign forces shelled our cities, and Armenian troops occupied our villages.", author: "AZE",
			want: []want{{src: "ARM", tgt: "AZE", cameo: "192"}}},
		{name: "light-verb-agent",
			text: "Serbian forces committed mass killings in Srebrenica, the tribunal found.",
			want: []want{{src: "SRB", cameo: "202"}}},
		{name: "reduced-passive",
			text: "Belarus released six political prisoners, a move welcomed by the European Union.",
			want: []want{{src: "EU", tgt: "BLR", cameo: "051"}},
			not:  []want{{src: "BLR", tgt: "EU"}}},
		{name: "warn-against",
			text: "France warned Iran against any further enrichment of uranium in Israel.",
			want: []want{{src: "FRA", tgt: "IRN", cameo: "130"}},
			not:  []want{{src: "FRA", tgt: "ISR"}}},
	})
}

// TestWireWording covers wire phrasing that earlier lost its event.
func TestWireWording(t *testing.T) {
	runCases(t, []codeCase{
		{name: "halt-pattern-not-consumed",
			text: "Serbia suspended talks with Kosovo after clashes in the north.",
			want: []want{{src: "SRB", tgt: "XKX", cameo: "164"}}},
		{name: "body-after-actor-adjective",
			text: "The Russian FSB detained a Ukrainian diplomat in St Petersburg.",
			want: []want{{src: "RUS", tgt: "UKR", cameo: "173"}}},
		{name: "state-is-a-noun",
			text: "Iranian workers at state refineries staged strikes over wages.",
			want: []want{{src: "IRN", tgt: "", cameo: "143"}}},
		{name: "turned-down",
			text: "Budapest turned down Kyiv's request for weapons transit.",
			want: []want{{src: "HUN", tgt: "UKR", cameo: "120"}}},
		{name: "participle-after-comma",
			text: "Uzbekistan has sought to attract investors, signing agreements with Japan and Korea.",
			want: []want{{src: "UZB", tgt: "JPN", cameo: "057", modality: event.Asserted}}},
		{name: "will-not-tolerate",
			text: "India will not tolerate cross-border terrorism from Pakistan.",
			want: []want{{src: "IND", tgt: "PAK", cameo: "120"}}},
	})
}

// TestMaterialVerbs covers verbs of trade, investment, donation,
// concession and halting supplies in wire wording.
func TestMaterialVerbs(t *testing.T) {
	runCases(t, []codeCase{
		{name: "buy-from-seller", text: "Morocco bought wheat from Argentina after the drought.",
			want: []want{{src: "MAR", tgt: "ARG", cameo: "061"}}},
		{name: "buy-arms-from-seller", text: "Greece purchased new fighter jets from France.",
			want: []want{{src: "GRC", tgt: "FRA", cameo: "062"}}},
		{name: "invest-amount-in", text: "Qatar invested five billion dollars in Egypt's energy sector.",
			want: []want{{src: "QAT", tgt: "EGY", cameo: "061"}}},
		{name: "donate", text: "South Korea donated rice to Laos.",
			want: []want{{src: "KOR", tgt: "LAO", cameo: "070"}}},
		{name: "open-borders-to-refugees", text: "Chad opened its border to refugees fleeing Sudan.",
			want: []want{{src: "TCD", tgt: "SDN", cameo: "075"}}},
		{name: "allow-aid-trucks", text: "Israel allowed aid convoys into Gaza.",
			want: []want{{src: "ISR", tgt: "PSE", cameo: "0863"}}},
		{name: "pause-shipments", text: "Ukraine suspended grain shipments to Hungary.",
			want: []want{{src: "UKR", tgt: "HUN", cameo: "163"}}},
		{name: "switch-recognition-cuts-the-first", text: "Honduras switched diplomatic ties from Taiwan to Beijing.",
			want: []want{{src: "HND", tgt: "TWN", cameo: "161"}},
			not:  []want{{src: "HND", tgt: "CHN", cameo: "16"}}},
		{name: "promise-to-build", text: "Turkey pledged to build a hospital in Somalia.",
			want: []want{{src: "TUR", tgt: "SOM", cameo: "031", modality: event.Intent}}},
		{name: "inquiry-does-not-accuse", text: "Sweden launched an inquiry into the Iranian killing of a dissident.",
			want: []want{{src: "SWE", tgt: "IRN", cameo: "090"}},
			not:  []want{{src: "SWE", tgt: "IRN", cameo: "112"}}},
	})
}

// TestProtestPostureStance covers protests "demanding …", diplomatic
// protests, conditional and "will respond" threats, denials, police sent
// to a mission and a purpose clause that is not an act.
func TestProtestPostureStance(t *testing.T) {
	runCases(t, []codeCase{
		{name: "marching-demanding-is-protest", text: "Thousands of Kenyans marched in Nairobi demanding lower taxes.",
			want: []want{{src: "KEN", cameo: "141"}},
			not:  []want{{src: "KEN", cameo: "10"}}},
		{name: "protest-to-a-state-is-complaint", text: "Japan protested to South Korea over the island visit.",
			want: []want{{src: "JPN", tgt: "KOR", cameo: "114"}},
			not:  []want{{src: "JPN", tgt: "KOR", cameo: "14"}}},
		{name: "will-respond-with-force", text: "Tehran will respond with force to any Israeli strike.",
			want: []want{{src: "IRN", tgt: "ISR", cameo: "138", modality: event.Intent}}},
		{name: "conditional-threat", text: "If Armenia provokes us again, Azerbaijan will retaliate militarily.",
			want: []want{{src: "AZE", tgt: "ARM", cameo: "138", modality: event.Intent}}},
		{name: "would-stays-hypothetical", text: "If Serbia attacked, Kosovo would respond with force.",
			not: []want{{src: "XKX", tgt: "SRB", cameo: "13"}}},
		{name: "denial-is-not-the-act", text: "Rwanda denied that its troops had crossed into Congo.",
			want: []want{{src: "RWA", tgt: "COD", cameo: "016"}},
			not:  []want{{src: "RWA", tgt: "COD", cameo: "19"}}},
		{name: "police-to-a-mission", text: "Kenya sent 400 police officers to the multinational mission in Haiti.",
			want: []want{{src: "KEN", tgt: "HTI", cameo: "074"}},
			not:  []want{{src: "KEN", tgt: "HTI", cameo: "15"}}},
		{name: "purpose-is-no-consultation", text: "The Thai minister flew to Hanoi to discuss security cooperation with Vietnam.",
			want: []want{{src: "THA", tgt: "VNM", cameo: "042"}},
			not:  []want{{src: "THA", tgt: "VNM", cameo: "040"}}},
	})
}

// TestGeneralisation covers constructions found on unseen wire news and
// real UN speeches: time adverbials before the verb, background phrases,
// polite "would like to", relative pronouns, own-office attribution and
// wire verbs.
func TestGeneralisation(t *testing.T) {
	runCases(t, []codeCase{
		{name: "weekday-between-subject-and-verb", text: "Vietnam on Tuesday condemned China over the ramming of a fishing boat.",
			want: []want{{src: "VNM", tgt: "CHN", cameo: "111"}}},
		{name: "last-week-between-subject-and-verb", text: "Hungary last week criticised Sweden.",
			want: []want{{src: "HUN", tgt: "SWE", cameo: "111"}}},
		{name: "lashed-out-at-capital", text: "Caracas lashed out at Bogota after the border incident.",
			want: []want{{src: "VEN", tgt: "COL", cameo: "111"}}},
		{name: "after-talks-is-background", text: "Serbia withdrew its troops from the boundary after talks with NATO commanders.",
			not: []want{{src: "SRB", tgt: "NATO", cameo: "04"}}},
		{name: "in-response-to-is-background", text: "Lithuania closed two border crossings in response to Belarus's deployment of mercenaries.",
			not: []want{{src: "BLR", tgt: "", cameo: "15"}}},
		{name: "would-like-to-welcome", author: "EST", text: "I would like to welcome South Sudan to our family of nations.",
			want: []want{{src: "EST", tgt: "SSD", cameo: "051", modality: event.Asserted}}},
		{name: "relative-pronoun-subject", author: "NOR", text: "We welcome Timor-Leste and Montenegro, which joined the Organization this year.",
			not: []want{{src: "NOR", tgt: "UN", cameo: "05"}}},
		{name: "own-ministry-attribution", text: "Japan summoned China's ambassador on Monday, the foreign ministry said.",
			want: []want{{src: "JPN", tgt: "CHN", cameo: "114", modality: event.Asserted}}},
		{name: "inked-a-deal", text: "Egypt and Greece inked a maritime deal in Cairo.",
			want: []want{{src: "EGY", tgt: "GRC", cameo: "057"}, {src: "GRC", tgt: "EGY", cameo: "057"}}},
		{name: "assault-rifles-are-no-assault", text: "Serbia bought assault rifles from China.",
			not: []want{{src: "SRB", tgt: "CHN", cameo: "18"}}},
		{name: "hosting-refugees", author: "JOR", text: "Jordan has hosted more than a million refugees from Syria.",
			want: []want{{src: "JOR", tgt: "SYR", cameo: "075"}}},
		{name: "ordering-envoy-out", text: "Burkina Faso ordered the French ambassador to leave.",
			want: []want{{src: "BFA", tgt: "FRA", cameo: "166"}}},
		{name: "must-is-a-demand", author: "GEO", text: "Russia must withdraw its troops from Abkhazia.",
			want: []want{{src: "GEO", tgt: "RUS", cameo: "1056"}},
			not:  []want{{src: "RUS", tgt: "GEO", cameo: "08"}}},
		{name: "appeal-governs-its-clause", author: "MNG", text: "We call on both parties to show restraint and, as soon as conditions allow, to resume negotiations with the United Nations.",
			not: []want{{src: "MNG", tgt: "UN", cameo: "04"}}},
		{name: "joining-efforts-is-no-accession", author: "IND", text: "We have joined international efforts to deliver food to Somalia.",
			not: []want{{src: "IND", tgt: "SOM", cameo: "05"}}},
		{name: "victim-after-of-is-no-agent", author: "IND", text: "We recall the massacre of Palestinians in the camps.",
			not: []want{{src: "IND", tgt: "PSE", cameo: "11"}}},
		{name: "doer-after-of", author: "CUB", text: "We condemn the aggression of the United States against Panama.",
			want: []want{{src: "CUB", tgt: "USA", cameo: "111"}}},
		{name: "capital-inside-a-name", author: "GEO", text: "We believe that the fall of the Berlin Wall teaches patience.",
			not: []want{{src: "GEO", tgt: "DEU", cameo: "01"}}},
		{name: "passive-agent-after-object", text: "Fresh tariffs were imposed on Chinese steel by the European Union on Friday.",
			want: []want{{src: "EU", tgt: "CHN", cameo: "163"}}},
		{name: "passive-agent-after-object-2", text: "An arms embargo was imposed on Libya by the United Nations in 2011.",
			want: []want{{src: "UN", tgt: "LBY", cameo: "163"}}},
		{name: "passive-with-two-agents", text: "The accord was signed by Ethiopia and Eritrea in Jeddah.",
			want: []want{{src: "ETH", tgt: "ERI", cameo: "057"}, {src: "ERI", tgt: "ETH", cameo: "057"}}},
		{name: "clash-with-is-mutual", text: "Indian troops clashed with Chinese soldiers in the Galwan valley.",
			want: []want{{src: "IND", tgt: "CHN", cameo: "193"}, {src: "CHN", tgt: "IND", cameo: "193"}}},
		{name: "firing-at-is-not-mutual", text: "Serbian police opened fire on Kosovo border guards.",
			not: []want{{src: "XKX", tgt: "SRB", cameo: "19"}}},
		{name: "place-adjective-is-no-target", text: "Nigerien soldiers clashed with jihadists near the Malian border.",
			not: []want{{src: "NER", tgt: "MLI", cameo: "19"}}},
		{name: "border-of-a-force-posture-is-its-target", text: "Russia massed troops near the Ukrainian border.",
			want: []want{{src: "RUS", tgt: "UKR"}}},
		{name: "joint-naval-drills-are-cooperation", text: "Egypt and Saudi Arabia began joint naval drills in the Red Sea.",
			want: []want{{src: "EGY", tgt: "SAU", cameo: "062"}, {src: "SAU", tgt: "EGY", cameo: "062"}},
			not:  []want{{src: "EGY", tgt: "SAU", cameo: "15"}}},
		{name: "exercises-near-a-border-are-force", text: "Belarus started military exercises near the Lithuanian border on Monday.",
			want: []want{{src: "BLR", tgt: "LTU", cameo: "150"}}},
		{name: "recalled-envoy-is-no-praise", text: "Moldova recalled its ambassador from Moscow on Friday.",
			want: []want{{src: "MDA", tgt: "RUS", cameo: "161"}},
			not:  []want{{src: "MDA", tgt: "RUS", cameo: "05"}}},
		{name: "hosting-stays-in-its-clause", text: "Ankara hosted the Georgian prime minister on Monday, while Moscow and Minsk held talks on gas prices.",
			not: []want{{src: "TUR", tgt: "RUS", cameo: "04"}, {src: "TUR", tgt: "BLR", cameo: "04"}}},
		{name: "sharing-expertise-with", author: "EST", text: "Estonia has shared its experience in e-government with Ukraine for a decade.",
			want: []want{{src: "EST", tgt: "UKR", cameo: "061"}}},
		{name: "camp-for-displaced-people-is-no-expulsion", text: "Ethiopian troops shelled a camp for displaced people in Tigray.",
			not: []want{{src: "ETH", tgt: "", cameo: "20"}, {src: "ETH", tgt: "ETH", cameo: "20"}}},
		{name: "such-as-list-is-no-statement", author: "KEN", text: "We have learned from countries such as Vietnam and Bangladesh that growth reduces poverty.",
			not: []want{{src: "KEN", tgt: "VNM", cameo: "01"}, {src: "KEN", tgt: "BGD", cameo: "01"}}},
		{name: "including-list-is-no-statement", author: "NZL", text: "We know that many islands, including Tonga and Samoa, are losing their coastlines.",
			not: []want{{src: "NZL", tgt: "TON", cameo: "01"}, {src: "NZL", tgt: "WSM", cameo: "01"}}},
		{name: "like-comparison-is-no-statement", author: "URY", text: "Like Chile before us, we have chosen to invest in solar power.",
			not: []want{{src: "URY", tgt: "CHL", cameo: "01"}}},
		{name: "talks-between", text: "Talks between Ethiopia and Egypt on the dam resumed on Sunday.",
			want: []want{{src: "ETH", tgt: "EGY", cameo: "040"}, {src: "EGY", tgt: "ETH", cameo: "040"}}},
		{name: "missiles-slammed-into", text: "Russian missiles slammed into Ukrainian cities overnight.",
			want: []want{{src: "RUS", tgt: "UKR", cameo: "195"}},
			not:  []want{{src: "RUS", tgt: "UKR", cameo: "11"}}},
		{name: "expelled-ambassadors", text: "Nicaragua expelled the ambassadors of Spain and Italy.",
			want: []want{{src: "NIC", tgt: "ESP", cameo: "166"}, {src: "NIC", tgt: "ITA", cameo: "166"}}},
		{name: "passive-rejection-with-agent", text: "The peace plan was rejected by Russia on Monday.",
			want: []want{{src: "RUS", tgt: "", cameo: "120"}}},
		{name: "places-listed-after-in", author: "RUS", text: "We hope that the meetings held this week in New York and Washington will help.",
			not: []want{{src: "RUS", tgt: "USA", cameo: "01"}}},
		{name: "capital-after-comma-still-speaks", text: "The deal was signed in Ankara, Moscow said.",
			not: []want{{src: "TUR", tgt: "", cameo: "05"}}},
		{name: "bare-noun-is-no-speaker-act", author: "ARM", text: "Global challenges require international cooperation with the central role of the United Nations.",
			not: []want{{src: "ARM", tgt: "UN", cameo: "05"}}},
		{name: "our-noun-is-the-speaker-act", author: "KAZ", text: "Our cooperation with China is growing.",
			want: []want{{src: "KAZ", tgt: "CHN", cameo: "050"}}},
		{name: "cooperation-between", author: "LVA", text: "Cooperation between Latvia and the United Nations has been rich in accomplishments.",
			want: []want{{src: "LVA", tgt: "UN", cameo: "050"}, {src: "UN", tgt: "LVA", cameo: "050"}}},
		{name: "joint-intent-of-listed-subjects", text: "Egypt and Turkey agreed to restore full diplomatic relations under a deal mediated by Qatar.",
			want: []want{{src: "EGY", tgt: "TUR", cameo: "032"}, {src: "TUR", tgt: "EGY", cameo: "032"}},
			not:  []want{{src: "EGY", tgt: "QAT", cameo: "03"}}},
		{name: "over-is-background-for-nouns", text: "Pyongyang fired two missiles on Monday over the joint drills of South Korea and the United States.",
			not: []want{{src: "USA", tgt: "KOR", cameo: "06"}}},
		{name: "over-what-it-called-is-a-charge", text: "Ghana expelled a Nigerian diplomat over what it called interference in its politics.",
			want: []want{{src: "GHA", tgt: "NGA", cameo: "1123"}}},
		{name: "killing-millions-is-mass-killing", author: "UKR", text: "The totalitarian regime killed millions of Ukrainians in the famine of 1932 and 1933.",
			not: []want{{src: "UKR", tgt: "", cameo: "18"}}},
		{name: "demands-attention-is-no-demand", author: "KAZ", text: "The fate of the Aral Sea demands the urgent attention of the United Nations.",
			not: []want{{src: "KAZ", tgt: "UN", cameo: "10"}}},
	})
}
