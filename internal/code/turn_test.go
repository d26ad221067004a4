package code_test

import (
	"testing"
)

// TestTranscriptTurns checks speaker labels in press-conference and
// briefing transcripts: a label sets who "we" and "I" are until the next
// label, and a journalist's turn gives no event.
func TestTranscriptTurns(t *testing.T) {
	runCases(t, []codeCase{
		{name: "titled-surname-label", text: "MR. LAVROV: We condemn the expulsion of our diplomats by Slovakia.",
			want: []want{{src: "RUS", tgt: "SVK", speaker: "Sergey Lavrov"}}},
		{name: "full-name-label-in-title-case", text: "Sergey Lavrov: We condemn the decision of the Czech government.",
			want: []want{{src: "RUS", tgt: "CZE", speaker: "Sergey Lavrov"}}},
		{name: "question-is-no-statement",
			text: "Q: Turkey shot down a Russian bomber over Syria this morning. How will Moscow respond?\nMR. PESKOV: We condemn this stab in the back by Ankara.",
			want: []want{{src: "RUS", tgt: "TUR", speaker: "Dmitry Peskov"}},
			not:  []want{{src: "TUR", tgt: "RUS", cameo: "1"}, {src: "TUR", tgt: "RUS", cameo: "2"}}},
		{name: "question-with-outlet",
			text: "Q (Kyodo): Japan has expelled eight Russian diplomats. Your comment?\nSPOKESPERSON ZAKHAROVA: We condemn this unfriendly step by Tokyo.",
			want: []want{{src: "RUS", tgt: "JPN", speaker: "Maria Zakharova"}},
			not:  []want{{src: "JPN", tgt: "RUS", cameo: "16"}}},
		{name: "turn-lasts-until-next-label",
			text: "ZAKHAROVA: Our position is well known. We condemn the demolition of the monument by Latvia.\nQUESTION: And Estonia?\nZAKHAROVA: We condemn Estonia too.",
			want: []want{{src: "RUS", tgt: "LVA"}, {src: "RUS", tgt: "EST"}}},
		{name: "label-after-a-line-break-without-a-stop",
			text: "MR. PESKOV: We regret the decision of Moldova\nQ: Will Russia cut gas supplies to Moldova",
			not:  []want{{src: "RUS", tgt: "MDA", cameo: "16"}}},
		{name: "two-states-speaking",
			text: "FOREIGN MINISTER LAVROV: We condemn the new sanctions of Japan.\nMs. Psaki: We condemn Belarus for the detention of an American journalist.",
			want: []want{{src: "RUS", tgt: "JPN"}, {src: "USA", tgt: "BLR"}},
			not:  []want{{src: "RUS", tgt: "BLR", cameo: "11"}}},
		{name: "moderator-turn-gives-nothing", author: "RUS",
			text: "MODERATOR: Minister Lavrov will now take questions about the sanctions imposed on Russia by Canada.",
			not:  []want{{src: "CAN", tgt: "RUS", cameo: "16"}}},
		{name: "answer-label-ends-the-question", author: "USA",
			text: "Q: Did Russia violate the treaty?\nA: Yes. Russia deployed new missiles near the Polish border.",
			want: []want{{src: "RUS", tgt: "POL"}}},
		{name: "unlabelled-answer-after-a-question-mark", author: "LVA",
			text: "Q: Will Latvia answer the expulsion of its consul?\nLatvia expelled the Russian ambassador this morning.",
			want: []want{{src: "LVA", tgt: "RUS"}}},
		{name: "unlabelled-answer-after-a-paragraph-break", author: "EST",
			text: "Q: Tallinn and the sanctions, your view\n\nEstonia condemned the Russian strikes on Kyiv.",
			want: []want{{src: "EST", tgt: "RUS"}}},
		{name: "question-over-two-lines-stays-silent",
			text: "QUESTION: Japan has expelled eight Russian diplomats\nand Tokyo has condemned Moscow. Your comment?",
			not:  []want{{src: "JPN", tgt: "RUS", cameo: "1"}}},
		{name: "heading-word-is-no-label",
			text: "Background: Belarus condemned Lithuania on Monday.",
			want: []want{{src: "BLR", tgt: "LTU"}}},
	})
}
