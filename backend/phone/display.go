package phone

import (
	"github.com/nyaruka/phonenumbers"
)

// Display returns the international display form of a canonical number:
// "+62 812-3456-7890", "+62 21 8350123", "+1 415-555-2671". Indonesian
// numbers follow libphonenumber's INTERNATIONAL format for region ID and are
// laid out by hand, allocating only the result, because Display runs for
// every row of a list page. Other numbers are formatted by phonenumbers.
//
// canonical must be digits only, as in Result.Phone; for anything else
// Display returns "". A digit string phonenumbers cannot parse is shown as
// "+" followed by the digits.
func Display(canonical string) string {
	if canonical == "" {
		return ""
	}
	for i := 0; i < len(canonical); i++ {
		if !isDigit(canonical[i]) {
			return ""
		}
	}
	if len(canonical) >= 2 && canonical[0] == '6' && canonical[1] == '2' {
		return displayID(canonical[2:])
	}
	num, err := phonenumbers.Parse("+"+canonical, "ZZ")
	if err != nil {
		return "+" + canonical
	}
	return phonenumbers.Format(num, phonenumbers.INTERNATIONAL)
}

// displayID formats an Indonesian NSN as "+62 " and the groups of
// layoutID.
func displayID(nsn string) string {
	if nsn == "" {
		return "+62"
	}
	var buf [40]byte
	if len(nsn) > len(buf)-8 {
		return "+62 " + nsn
	}
	b := append(buf[:0], "+62 "...)
	groups, sep := layoutID(nsn)
	at := 0
	for i, g := range groups {
		if g == 0 {
			break
		}
		if i > 0 {
			b = append(b, sep)
		}
		b = append(b, nsn[at:at+int(g)]...)
		at += int(g)
	}
	return string(b)
}

// layoutID returns the group lengths and separator for an Indonesian NSN.
// The cases are the <numberFormat> entries of the ID metadata, in their
// order: the first whose leading digits and pattern match wins, as in
// libphonenumber. The two formats marked intlFormat NA (001… and 0…) do not
// apply to international display, so such numbers stay in one group.
func layoutID(nsn string) (groups [4]uint8, sep byte) {
	n := len(nsn)
	u := uint8(n)
	d0 := nsn[0]
	d1 := byte(0)
	if n > 1 {
		d1 = nsn[1]
	}
	d2 := byte(0)
	if n > 2 {
		d2 = nsn[2]
	}
	switch {
	case d0 == '1' && d1 == '5' && n == 7: // 15: (\d)(\d{3})(\d{3})
		return [4]uint8{1, 3, 3}, ' '
	case (d0 == '2' && (d1 == '1' || d1 == '2' || d1 == '4') || (d0 == '3' || d0 == '6') && d1 == '1') &&
		n >= 7 && n <= 11: // 2[124]|[36]1: (\d{2})(\d{5,9})
		return [4]uint8{2, u - 2}, ' '
	case d0 == '8' && d1 == '0' && d2 == '0' && n >= 8 && n <= 10: // 800: (\d{3})(\d{5,7})
		return [4]uint8{3, u - 3}, ' '
	case d0 >= '2' && d0 <= '9' && d0 != '8' && n >= 8 && n <= 11: // [2-79]: (\d{3})(\d{5,8})
		return [4]uint8{3, u - 3}, ' '
	case d0 == '8' && d1 >= '1' && d1 != '4' && (n == 9 || n == 10): // 8[1-35-9]: (\d{3})(\d{3,4})(\d{3})
		return [4]uint8{3, u - 6, 3}, '-'
	case d0 == '1' && n >= 9 && n <= 11: // 1: (\d{3})(\d{6,8})
		return [4]uint8{3, u - 3}, ' '
	case d0 == '8' && d1 == '0' && d2 == '4' && n == 10: // 804: (\d{3})(\d{3})(\d{4})
		return [4]uint8{3, 3, 4}, ' '
	case d0 == '8' && d1 == '0' && n == 10: // 80: (\d{3})(\d)(\d{3})(\d{3})
		return [4]uint8{3, 1, 3, 3}, ' '
	case d0 == '8' && (n == 11 || n == 12): // 8: (\d{3})(\d{4})(\d{4,5})
		return [4]uint8{3, 4, u - 7}, '-'
	}
	return [4]uint8{u}, ' '
}
