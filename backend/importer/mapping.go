package importer

import (
	"slices"
	"strings"
	"unicode"
)

// headerRoles maps header names, split into words by headerTokens, to their role. They are the
// names people actually give columns in Indonesian and English spreadsheets; anything
// not here goes through the word rules of classifyHeader.
var headerRoles = func() map[string]ColumnMap {
	m := map[string]ColumnMap{}
	add := func(role, label string, names ...string) {
		for _, n := range names {
			m[strings.Join(headerTokens(n), " ")] = ColumnMap{Role: role, Key: label}
		}
	}
	add(RoleName, "", "nama", "nama lengkap", "name", "full name", "display name", "nama pelanggan",
		"customer", "pelanggan", "kontak", "customer name", "contact name", "nama kontak")
	add(RoleFirstName, "", "first name", "given name", "nama depan")
	add(RoleMiddleName, "", "middle name", "additional name", "nama tengah")
	add(RoleLastName, "", "last name", "family name", "surname", "nama belakang")
	add(RolePhone, LabelMobile, "no hp", "no. hp", "nomor hp", "no wa", "no. wa", "nomor wa", "nomor whatsapp",
		"whatsapp", "wa", "hp", "handphone", "mobile", "cell", "mobile phone", "kontak wa", "no whatsapp")
	add(RolePhone, "", "telepon", "telp", "tlp", "phone", "nomor telepon", "no telp", "no. telp", "phone number",
		"nomor", "no telepon")
	add(RoleEmail, "", "email", "e-mail", "surel", "email address", "e-mail address")
	add(RoleGroup, "", "grup", "group", "groups", "label", "labels", "kategori", "category", "categories",
		"tags", "tag")
	add(RoleOptOut, "", "opt out", "optout", "opted out", "opt-out", "berhenti", "stop", "unsubscribe",
		"unsubscribed", "do not contact", "dont contact", "don't contact", "jangan hubungi",
		"tidak mau dihubungi", "jangan dihubungi", "berhenti langganan", "dnc")
	return m
}()

// Words that decide the role of a header that is not in headerRoles.
var (
	phoneWords = wordSet("phone telephone telepon telpon telp tlp tel hp handphone mobile cell cellular " +
		"cellphone ponsel whatsapp wa fax faks faksimili pager isdn telex tty tdd msisdn")
	mobileWords = wordSet("hp handphone mobile cell cellular cellphone ponsel whatsapp wa msisdn")
	faxWords    = wordSet("fax faks faksimili")
	homeWords   = wordSet("home rumah personal private pribadi")
	workWords   = wordSet("work business kantor office company bisnis perusahaan")
	otherWords  = wordSet("pager car other lain lainnya assistant assistants callback radio isdn telex tty tdd video")
	emailWords  = wordSet("email surel mail")
	groupWords  = wordSet("group groups grup kategori category categories tag tags label labels membership")
	// kindWords mark a column that names the kind of a phone or e-mail of another
	// column ("Phone 1 - Type"), not a number.
	kindWords  = wordSet("type tipe jenis kind label")
	nameWords  = wordSet("nama name pelanggan customer kontak contact klien client penerima recipient")
	nameExtra  = wordSet("lengkap full display")
	firstWords = wordSet("first given depan")
	midWords   = wordSet("middle tengah additional")
	lastWords  = wordSet("last family surname belakang")
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// headerTokens lower-cases a header and splits it into words at anything that is not a
// letter or digit, and between letters and digits, so "No. HP", "no_hp", "NO HP" are the
// same and "HP2" is "hp 2". "e mail" becomes one word, "email".
func headerTokens(h string) []string {
	var words []string
	word, kind := -1, 0 // start and kind (1 letter, 2 digit) of the word being read
	h = strings.ToLower(h)
	for i, r := range h {
		k := 0
		switch {
		case unicode.IsLetter(r), unicode.IsMark(r):
			k = 1
		case unicode.IsDigit(r):
			k = 2
		}
		if k != kind && word >= 0 {
			words = append(words, h[word:i])
			word = -1
		}
		if k != 0 && word < 0 {
			word = i
		}
		kind = k
	}
	if word >= 0 {
		words = append(words, h[word:])
	}
	for i := 0; i+1 < len(words); i++ {
		if words[i] == "e" && words[i+1] == "mail" {
			words[i] = "email"
			words = slices.Delete(words, i+1, i+2)
		}
	}
	return words
}

// classifyHeader suggests the role of a column from its name.
func classifyHeader(h string) ColumnMap {
	words := headerTokens(h)
	if len(words) == 0 {
		return ColumnMap{Role: RoleField}
	}
	if m, ok := headerRoles[strings.Join(words, " ")]; ok {
		return m
	}
	has := func(set map[string]bool) bool {
		return slices.ContainsFunc(words, func(w string) bool { return set[w] })
	}
	// only reports whether every word that is not a number is in one of the sets, and
	// at least one is in the first.
	only := func(anchor map[string]bool, others ...map[string]bool) bool {
		found := false
		for _, w := range words {
			switch {
			case anchor[w]:
				found = true
			case w[0] >= '0' && w[0] <= '9':
			case slices.ContainsFunc(others, func(s map[string]bool) bool { return s[w] }):
			default:
				return false
			}
		}
		return found
	}
	switch {
	case (has(phoneWords) || has(emailWords)) && has(kindWords):
		return ColumnMap{Role: RoleIgnore}
	case has(emailWords):
		if slices.Contains(words, "name") || slices.Contains(words, "display") {
			return ColumnMap{Role: RoleIgnore} // Outlook's "E-mail Display Name"
		}
		return ColumnMap{Role: RoleEmail}
	case has(groupWords):
		return ColumnMap{Role: RoleGroup}
	case has(phoneWords):
		return ColumnMap{Role: RolePhone, Key: phoneLabelFromWords(words)}
	case only(firstWords, nameWords):
		return ColumnMap{Role: RoleFirstName}
	case only(midWords, nameWords):
		return ColumnMap{Role: RoleMiddleName}
	case only(lastWords, nameWords):
		return ColumnMap{Role: RoleLastName}
	case only(nameWords, nameExtra):
		return ColumnMap{Role: RoleName}
	}
	return ColumnMap{Role: RoleField}
}

// phoneLabelFromWords picks the label of a phone column from the words of its header, the
// most specific first: a "Home Fax" is a fax and a "Home Mobile" a mobile.
func phoneLabelFromWords(words []string) string {
	has := func(set map[string]bool) bool {
		return slices.ContainsFunc(words, func(w string) bool { return set[w] })
	}
	switch {
	case has(faxWords):
		return LabelFax
	case has(mobileWords):
		return LabelMobile
	case has(workWords):
		return LabelWork
	case has(homeWords):
		return LabelHome
	case has(otherWords):
		return LabelOther
	}
	return ""
}

// SuggestMapping suggests roles from header names (Indonesian and English) and, when there
// is no header, from the content. It also looks at the content when the header names no
// phone or e-mail column: a column headed "Nomor Pelanggan" or "Kolom 3" that holds phone
// numbers is still the phone. Columns it cannot place are kept as custom fields named
// after their header.
func SuggestMapping(header []string, sample [][]string) Mapping {
	width := len(header)
	for _, r := range sample {
		width = max(width, len(trimTrailingEmpty(r)))
	}
	if width == 0 {
		return Mapping{Columns: []ColumnMap{}}
	}
	cols := make([]ColumnMap, width)
	names := make([]string, width)
	for i := range cols {
		if i < len(header) {
			names[i] = cleanText(header[i])
		}
		if names[i] == "" {
			names[i] = columnName(i)
		}
		if len(header) == 0 {
			cols[i] = ColumnMap{Role: RoleField}
		} else {
			cols[i] = classifyHeader(names[i])
		}
	}
	stats := columnStats(sample, width)
	hasRole := func(role string) bool {
		return slices.ContainsFunc(cols, func(c ColumnMap) bool { return c.Role == role })
	}
	if !hasRole(RolePhone) {
		for i, st := range stats {
			if cols[i].Role == RoleField && st.mostly(st.phones) {
				cols[i] = ColumnMap{Role: RolePhone}
			}
		}
	}
	if !hasRole(RoleEmail) {
		for i, st := range stats {
			if cols[i].Role == RoleField && st.mostly(st.emails) {
				cols[i] = ColumnMap{Role: RoleEmail}
			}
		}
	}
	if len(header) == 0 {
		// The name is the longest column of mostly words.
		best, bestLen := -1, 0.0
		for i, st := range stats {
			if cols[i].Role == RoleField && st.mostly(st.words) {
				if l := float64(st.length) / float64(st.filled); l > bestLen {
					best, bestLen = i, l
				}
			}
		}
		if best >= 0 {
			cols[best] = ColumnMap{Role: RoleName}
		}
	}
	seen := map[string]int{}
	for i := range cols {
		if cols[i].Role != RoleField {
			continue
		}
		key := names[i]
		if n := seen[strings.ToLower(key)]; n > 0 {
			key += " " + itoa(n+1)
		}
		seen[strings.ToLower(names[i])]++
		cols[i].Key = key
	}
	return Mapping{Columns: cols}
}

// colStats counts what the sample cells of one column look like.
type colStats struct {
	filled, phones, emails, words, length int
}

// mostly reports whether at least 60% of the filled cells are of a kind.
func (s colStats) mostly(n int) bool { return s.filled > 0 && n*10 >= s.filled*6 }

func columnStats(sample [][]string, width int) []colStats {
	stats := make([]colStats, width)
	for _, row := range sample {
		for i, c := range row {
			if i >= width {
				break
			}
			c = strings.TrimSpace(c)
			if c == "" {
				continue
			}
			st := &stats[i]
			st.filled++
			st.length += len(c)
			switch {
			case isEmail(c):
				st.emails++
			case isPhone(c):
				st.phones++
			case strings.IndexFunc(c, unicode.IsLetter) >= 0 && strings.IndexFunc(c, unicode.IsDigit) < 0:
				st.words++
			}
		}
	}
	return stats
}

// Headers that only the known exports use, normalised by headerTokens.
var (
	googleMarks  = wordSet("phone_1_value email_1_value group_membership")
	outlookMarks = wordSet("email_address email_2_address email_3_address mobile_phone business_phone " +
		"business_phone_2 home_phone home_phone_2 business_fax home_fax other_phone primary_phone " +
		"email_display_name email_type middle_name categories job_title company car_phone pager")
	outlookAnchors = wordSet("email_address mobile_phone business_phone")
)

// detectProfile recognises a Google Contacts or Outlook CSV export by its headers. Both
// are mapped by the same rules as any table; the profile tells the interface that the
// suggestion can be trusted without asking.
func detectProfile(header []string) Profile {
	marks, anchor := 0, false
	for _, h := range header {
		k := strings.Join(headerTokens(h), "_")
		if googleMarks[k] {
			return ProfileGoogle
		}
		if outlookMarks[k] {
			marks++
			anchor = anchor || outlookAnchors[k]
		}
	}
	if anchor && marks >= 2 {
		return ProfileOutlook
	}
	return ProfileGeneric
}
