package code

import "strings"

// irregular lists the irregular past forms of verbs the rules use
// (past tense, then past participle when different).
var irregular = map[string][]string{
	"say": {"said"}, "tell": {"told"}, "meet": {"met"}, "hold": {"held"},
	"take": {"took", "taken"}, "give": {"gave", "given"}, "seek": {"sought"},
	"fight": {"fought"}, "shoot": {"shot"}, "strike": {"struck", "stricken"},
	"speak": {"spoke", "spoken"}, "withdraw": {"withdrew", "withdrawn"},
	"break": {"broke", "broken"}, "bring": {"brought"}, "lead": {"led"},
	"send": {"sent"}, "sell": {"sold"}, "freeze": {"froze", "frozen"},
	"beat": {"beat", "beaten"}, "forgive": {"forgave", "forgiven"},
	"overthrow": {"overthrew", "overthrown"}, "begin": {"began", "begun"},
	"keep": {"kept"}, "lay": {"laid"}, "put": {"put"}, "cut": {"cut"},
	"set": {"set"}, "shut": {"shut"}, "spend": {"spent"}, "win": {"won"},
	"lose": {"lost"}, "hit": {"hit"}, "find": {"found"}, "make": {"made"},
	"come": {"came", "come"}, "go": {"went", "gone"}, "see": {"saw", "seen"},
	"stand": {"stood"}, "undertake": {"undertook", "undertaken"},
	"forbid": {"forbade", "forbidden"}, "build": {"built"}, "think": {"thought"},
	"buy": {"bought"}, "pay": {"paid"}, "lend": {"lent"}, "deal": {"dealt"},
	"mean": {"meant"}, "feel": {"felt"}, "leave": {"left"}, "hear": {"heard"},
	"shake": {"shook", "shaken"}, "steal": {"stole", "stolen"}, "hide": {"hid", "hidden"},
	"rise": {"rose", "risen"}, "blow": {"blew", "blown"}, "fly": {"flew", "flown"},
	"grow": {"grew", "grown"}, "know": {"knew", "known"}, "throw": {"threw", "thrown"},
	"write": {"wrote", "written"}, "drive": {"drove", "driven"}, "choose": {"chose", "chosen"},
	"swear": {"swore", "sworn"}, "tear": {"tore", "torn"}, "bear": {"bore", "borne"},
	"overcome": {"overcame", "overcome"}, "overrun": {"overran", "overrun"},
	"withhold": {"withheld"}, "uphold": {"upheld"}, "flee": {"fled"}, "feed": {"fed"},
	"shed": {"shed"}, "spread": {"spread"}, "split": {"split"}, "quit": {"quit"},
	"let": {"let"}, "read": {"read"}, "slay": {"slew", "slain"}, "stick": {"stuck"},
	"hang": {"hung", "hanged"}, "sink": {"sank", "sunk"}, "bid": {"bid"},
	"draw": {"drew", "drawn"}, "arise": {"arose", "arisen"}, "do": {"did", "done"},
	"be": {"was", "were", "been"}, "have": {"had"}, "get": {"got", "gotten"},
	"upset": {"upset"}, "teach": {"taught"}, "catch": {"caught"}, "mislead": {"misled"},
	"shoot dead": {"shot dead"}, "run": {"ran", "run"}, "lie": {"lay", "lain"},
	"wage": {"waged"}, "ride": {"rode", "ridden"}, "bind": {"bound"},
	"stride": {"strode"}, "foresee": {"foresaw", "foreseen"}, "outbid": {"outbid"},
}

// inflect returns the forms of an English verb (base, third person,
// past, participles, -ing), with both -ise and -ize spellings and both
// single and doubled final consonants where English hesitates
// ("targeted"/"targetted"): extra forms that never occur in text cost
// nothing. Only the first word of a multi-word verb is inflected
// ("call on" → "called on").
func inflect(verb string) []string {
	head, rest, _ := strings.Cut(verb, " ")
	if rest != "" {
		rest = " " + rest
	}
	stems := []string{head}
	switch {
	case strings.HasSuffix(head, "ise") && len(head) > 4:
		stems = append(stems, head[:len(head)-3]+"ize")
	case strings.HasSuffix(head, "ize") && len(head) > 4:
		stems = append(stems, head[:len(head)-3]+"ise")
	case strings.HasSuffix(head, "our") && len(head) > 4: // favour/favor
		stems = append(stems, head[:len(head)-3]+"or")
	}
	seen := map[string]bool{}
	var out []string
	add := func(w string) {
		if !seen[w] {
			seen[w] = true
			out = append(out, w+rest)
		}
	}
	for _, s := range stems {
		add(s)
		for _, f := range irregular[s] {
			add(f)
		}
		n := len(s)
		last := s[n-1]
		switch {
		case strings.HasSuffix(s, "s") || strings.HasSuffix(s, "x") || strings.HasSuffix(s, "z") || strings.HasSuffix(s, "ch") || strings.HasSuffix(s, "sh") || (strings.HasSuffix(s, "o") && !strings.HasSuffix(s, "oo")):
			add(s + "es")
		case last == 'y' && n > 1 && !isVowel(s[n-2]):
			add(s[:n-1] + "ies")
		default:
			add(s + "s")
		}
		if _, irr := irregular[s]; !irr || s == "wage" || s == "hang" {
			switch {
			case last == 'e':
				add(s + "d")
			case last == 'y' && n > 1 && !isVowel(s[n-2]):
				add(s[:n-1] + "ied")
			default:
				add(s + "ed")
				if cvc(s) {
					add(s + string(last) + "ed")
				}
			}
		}
		switch {
		case strings.HasSuffix(s, "ie"):
			add(s[:n-2] + "ying")
		case last == 'e' && !strings.HasSuffix(s, "ee") && !strings.HasSuffix(s, "ye") && !strings.HasSuffix(s, "oe") && n > 2:
			add(s[:n-1] + "ing")
		default:
			add(s + "ing")
			if cvc(s) {
				add(s + string(last) + "ing")
			}
		}
	}
	return out
}

func isVowel(c byte) bool {
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'
}

// cvc reports a consonant-vowel-consonant ending whose consonant English
// may double (ban → banned, commit → committed).
func cvc(s string) bool {
	n := len(s)
	if n < 3 {
		return false
	}
	c := s[n-1]
	if isVowel(c) || c == 'w' || c == 'x' || c == 'y' {
		return false
	}
	return isVowel(s[n-2]) && !isVowel(s[n-3])
}
