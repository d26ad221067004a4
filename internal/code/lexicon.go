package code

// Fixed word classes the coder's shallow parser relies on. Unlike the
// marker classes of rules/markers.rules these are grammar, not stance,
// and are not meant to be extended by users.
const (
	cPrep       uint32 = 1 << iota // a preposition: an actor after it is not a subject
	cWe                            // we, I: first person subject
	cOurMy                         // our, my (+ country, government …)
	cSelfNoun                      // country, government, delegation … after our/my
	cHeShe                         // he, she: the last named speaker
	cBe                            // is, was, were, been …: passive voice
	cBy                            // by: the agent of a passive
	cConj                          // but, whereas, while …: a clause boundary
	cThat                          // that
	cTitle                         // president, minister … ("the President of X")
	cThe                           // the
	cAccording                     // according (to X)
	cView                          // view, opinion (in his view)
	cHisHer                        // his, her
	cIt                            // it
	cRoleMil                       // troops, army … → MIL
	cRoleGov                       // government, authorities … → GOV
	cRolePolice                    // police → COP
	cAnd                           // and, as well as
	cOf                            // of
	cYet                           // yet
	cDummy                         // is, was, seems … after a dummy "it"
	cDet                           // a, the, his …: a noun follows
	cPassive                       // is, was, been …: before a participle, the passive
	cAux                           // has, will, also …: between a subject and its verb
	cOr                            // or, as, well: coordination
	cIts                           // its, their: the subject's own
	cWith                          // with: the partner of a joint act
	cLight                         // committed, carried (out), conducted …: a noun object is the subject's act
	cPart                          // part, participate …: "take part in" a noun that is the subject's act
)

var fixedClasses = map[string]uint32{}

func init() {
	add := func(c uint32, words ...string) {
		for _, w := range words {
			fixedClasses[w] |= c
		}
	}
	add(cPrep, "of", "with", "to", "for", "against", "on", "by", "from", "in", "toward",
		"towards", "between", "among", "amongst", "including", "like", "as", "about", "at",
		"into", "over", "upon", "via", "within", "without", "across", "behind", "beyond",
		"under", "after", "before", "during", "than", "versus", "vs", "amid", "despite",
		"except", "near", "unlike", "onto", "throughout", "alongside", "toward", "vis")
	add(cWe, "we", "i")
	add(cOurMy, "our", "my")
	add(cSelfNoun, "country", "government", "delegation", "nation", "state", "republic",
		"side", "people", "leadership", "president", "authorities", "administration")
	add(cHeShe, "he", "she")
	add(cBe, "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "got", "get")
	add(cBy, "by")
	add(cConj, "but", "whereas", "while", "although", "though", "however", "because", "whilst", "meanwhile",
		"when", "whenever", "since", "until", "till")
	add(cThat, "that")
	add(cTitle, "president", "minister", "government", "leader", "leaders", "head", "ministry",
		"spokesman", "spokesperson", "spokeswoman", "ambassador", "envoy", "chancellor",
		"premier", "king", "queen", "secretary", "delegation", "representative", "official",
		"officials", "authorities", "army", "forces", "troops", "military", "parliament",
		"prime", "deputy", "foreign", "defence", "defense", "people", "leadership", "navy",
		"embassy", "mission", "administration", "cabinet", "chairman", "chair", "speaker",
		"commander", "general", "director", "emir", "sultan", "prince", "council", "senate",
		"congress", "mps", "lawmakers", "diplomats", "diplomat", "soldiers", "police", "citizens",
		"opposition")
	add(cThe, "the")
	add(cAccording, "according")
	add(cView, "view", "opinion", "words", "assessment")
	add(cHisHer, "his", "her")
	add(cIt, "it")
	add(cRoleMil, "troops", "forces", "army", "military", "soldiers", "navy", "units",
		"tanks", "artillery", "air", "servicemen", "paratroopers", "marines", "battalion",
		"battalions", "brigade", "brigades", "militaries")
	add(cRoleGov, "government", "authorities", "officials", "ministry", "president",
		"minister", "leadership", "administration", "cabinet", "diplomats", "embassy")
	add(cRolePolice, "police", "omon", "riot")
	add(cAnd, "and")
	add(cOf, "of")
	add(cYet, "yet")
	add(cOr, "or", "as", "well", "both", "nor")
	add(cIts, "its", "their")
	add(cWith, "with")
	add(cLight, "commit", "commits", "committed", "committing", "perpetrate", "perpetrates", "perpetrated",
		"conduct", "conducts", "conducted", "conducting", "out", "launch", "launches", "launched", "launching",
		"stage", "stages", "staged", "mount", "mounts", "mounted", "wage", "wages", "waged", "unleash", "unleashed",
		"unleashes", "undertake", "undertook", "undertaken", "undertakes", "prepare", "prepares", "prepared",
		"preparing", "plan", "plans", "planned", "planning", "plot", "plots", "plotted", "plotting")
	add(cPart, "part", "participate", "participates", "participated", "participating", "engage", "engaged", "engages", "engaging", "involved")
	add(cPassive, "is", "are", "was", "were", "be", "been", "being", "got", "gets", "get")
	add(cAux, "has", "have", "had", "will", "would", "shall", "should", "can", "could", "may", "might",
		"must", "also", "not", "never", "already", "still", "further", "then", "again", "now", "therefore",
		"thus", "hence", "once", "today", "does", "did", "do", "is", "are", "was", "were", "be", "been",
		"always", "consistently", "continues", "continued", "continue", "yesterday", "recently",
		"just", "even", "only", "jointly", "subsequently", "later", "soon", "finally")
	add(cDet, "a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those", "any", "every")
	add(cDummy, "is", "was", "seems", "seemed", "appears", "appeared", "remains", "remained", "becomes", "became", "would", "will", "should", "must", "may", "might", "can", "could", "takes", "took", "goes", "went", "'s")
}
