// Package votes holds the UN General Assembly roll-call votes 1946 – January
// 2020 (Voeten's data as repackaged by unvotes) and the Bailey–Strezhnev–
// Voeten ideal points, both embedded, and computes the agreement measures
// of fulcrum's votes channel (DESIGN.md §5.2):
//
//   - identical-vote share: (1/n) Σ 1[v_a = v_b];
//   - half-credit agreement (Lijphart): 1 − (1/n) Σ |v_a − v_b| / 2;
//   - State-Department coincidence, votes only: identical Y/N pairs over
//     roll calls where both voted Y or N;
//   - Signorino–Ritter S: 1 − D_o / (δ_max/2), d_max = 2 for absolute
//     distance (the traditional S) and 4 for squared distance;
//   - Cohen's κ = 1 − D_o/D_e^κ with each state's own marginals and Scott's
//     π = 1 − D_o/D_e^π with pooled marginals (Häge 2011), for nominal,
//     linear or quadratic distance δ.
//
// Votes are coded Y = 1, A = 2, N = 3; a roll call counts for a pair only
// when both cast Y, A or N (absences and non-membership are not in the
// data). n is the number of such joint votes. All measures derive from the
// 3×3 [Table] of joint votes.
//
// A reference vote ([Ref]) is a named state or a pole: the majority of the
// pole's member states present (see [PoleRef]). Results are bucketed by
// calendar year of the vote date, by UNGA session or by multi-year periods
// ([Options]). Voeten's vote-set filters are options ([Filter]); the zero
// Filter keeps every recorded roll call.
//
// Coding caveats of the source: RUS is the USSR before 1992; YUG is
// Yugoslavia, then Serbia and Montenegro, then Serbia; TWN holds the China
// seat until 1971; GFR is West Germany (DEU from 1991).
package votes

//go:generate go run ./gen -shared ../../../shared/data -o data/unga.bin.gz
