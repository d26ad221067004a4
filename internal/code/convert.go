package code

// Code conversions applied when a marker stands before a stance pattern
// (see rules/README.md). Each takes a CAMEO code and returns the code of
// the converted act; ok is false when the conversion does not apply and
// the event should instead be recorded as the original act, negated.

func root(code string) int {
	if len(code) < 2 {
		return 0
	}
	return int(code[0]-'0')*10 + int(code[1]-'0')
}

// pick returns m[code], else m[first three digits], else def.
func pick(m map[string]string, code, def string) string {
	if v, ok := m[code]; ok {
		return v
	}
	if len(code) > 3 {
		if v, ok := m[code[:3]]; ok {
			return v
		}
	}
	return def
}

var intentMap = map[string]string{
	"040": "036", "041": "036", "042": "036", "043": "036", "044": "036", "045": "039", "046": "036",
	"050": "032", "051": "032", "052": "032", "053": "032", "054": "032", "055": "032", "056": "032", "057": "030",
	"060": "031", "061": "0311", "062": "0312", "063": "0313", "064": "0314",
	"070": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334", "075": "033",
	"080": "035", "081": "0351", "082": "0352", "083": "034", "0831": "0341", "0832": "0342", "0833": "0343", "0834": "0344",
	"084": "0353", "085": "0354", "086": "0355", "087": "0356",
}

// threatMap turns a conflictual act into the threat of it (13x).
var threatMap = map[string]string{
	"140": "133", "141": "133", "142": "133", "143": "133", "144": "133", "145": "133",
	"150": "138", "151": "137", "152": "138", "153": "137", "154": "138",
	"160": "131", "161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135", "166": "136",
	"170": "131", "171": "131", "172": "132", "1721": "1321", "1722": "1322", "1723": "1323", "1724": "1324",
	"173": "137", "174": "136", "175": "137",
	"180": "1383", "181": "1383", "182": "1383", "183": "1383", "184": "1383", "185": "1383", "186": "1383",
	"190": "138", "191": "1381", "192": "1382", "193": "1384", "194": "1384", "195": "1384", "196": "1384",
	"200": "1383", "201": "1383", "202": "1383", "203": "1383", "204": "1385",
}

// intentOf is the stated intention of an act: 03x for cooperation, 13x
// (a threat) for material conflict; other codes are unchanged.
func intentOf(code string) string {
	r := root(code)
	switch {
	case r >= 4 && r <= 8:
		return pick(intentMap, code, "030")
	case r >= 14:
		return pick(threatMap, code, "130")
	}
	return code
}

// threatOf is the threat of an act.
func threatOf(code string) string {
	if root(code) >= 14 {
		return pick(threatMap, code, "130")
	}
	return "130"
}

var rejectMap = map[string]string{
	"030": "120", "031": "121", "0311": "1211", "0312": "1212", "032": "120", "033": "122", "034": "123", "035": "124",
	"036": "125", "037": "127", "038": "126", "039": "126",
	"040": "125", "041": "125", "042": "125", "043": "125", "044": "125", "045": "126", "046": "125",
	"050": "120", "051": "120", "052": "120", "053": "120", "054": "120", "055": "120", "056": "120", "057": "127",
	"060": "121", "061": "1211", "062": "1212", "063": "1213", "064": "1214",
	"070": "122", "071": "1221", "072": "1222", "073": "1223", "074": "1224", "075": "122",
	"080": "124", "081": "1241", "082": "1242", "083": "123", "0831": "1231", "0832": "1232", "0833": "1233", "0834": "1234",
	"084": "1243", "085": "1244", "086": "1245", "087": "1246",
	"010": "011", "013": "012", "019": "120",
}

// rejectOf is the refusal of a cooperative act (12x); ok is false for
// conflictual acts, whose refusal is a negation.
func rejectOf(code string) (string, bool) {
	if root(code) >= 9 {
		return code, false
	}
	return pick(rejectMap, code, "120"), true
}

// haltOf is the halting of a cooperative act (16x); ok is false for
// conflictual acts, whose halting is a negation.
func haltOf(code string) (string, bool) {
	r := root(code)
	switch {
	case r >= 9 || r <= 2:
		return code, false
	case code == "045" || code == "039" || code == "038":
		return "165", true
	case r == 4 || code == "036":
		return "164", true
	case r == 7 || code == "033":
		switch code {
		case "071":
			return "1621", true
		case "072":
			return "1622", true
		case "073":
			return "1623", true
		}
		return "162", true
	case code == "054" || code == "057":
		return "161", true
	}
	return "160", true
}

var appealMap = map[string]string{
	"030": "020", "031": "021", "0311": "0211", "0312": "0212", "032": "022", "033": "023", "034": "024", "035": "025",
	"036": "026", "037": "027", "038": "028", "039": "028",
	"040": "026", "041": "026", "042": "026", "043": "026", "044": "026", "045": "028", "046": "026",
	"050": "022", "051": "022", "052": "022", "053": "022", "054": "022", "057": "027",
	"060": "021", "061": "0211", "062": "0212", "063": "0213", "064": "0214",
	"070": "023", "071": "0231", "072": "0232", "073": "0233", "074": "0234", "075": "023",
	"080": "025", "081": "0251", "082": "0252", "083": "024", "0831": "0241", "0832": "0242", "0833": "0243", "0834": "0244",
	"084": "0253", "085": "0254", "086": "0255", "087": "0256",
}

// appealOf is the appeal for an act (02x); appeals for conflictual acts
// are a plain appeal (020).
func appealOf(code string) string {
	if root(code) <= 2 {
		return code
	}
	return pick(appealMap, code, "020")
}

var demandMap = map[string]string{
	"030": "100", "031": "101", "032": "102", "033": "103", "034": "104", "035": "105",
	"036": "106", "037": "107", "038": "108", "039": "108",
	"040": "106", "041": "106", "042": "106", "043": "106", "044": "106", "045": "108", "046": "106",
	"050": "102", "051": "102", "052": "102", "053": "102", "054": "102", "055": "102", "057": "107",
	"060": "101", "061": "1011", "062": "1012", "063": "1013", "064": "1014",
	"070": "103", "071": "1031", "072": "1032", "073": "1033", "074": "1034", "075": "103",
	"080": "105", "081": "1051", "082": "1052", "083": "104", "0831": "1041", "0832": "1042", "0833": "1043", "0834": "1044",
	"084": "1053", "085": "1054", "086": "1055", "087": "1056",
}

// demandOf is the demand for an act (10x).
func demandOf(code string) string {
	if root(code) == 10 {
		return code
	}
	return pick(demandMap, code, "100")
}
