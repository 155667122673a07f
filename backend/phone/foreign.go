package phone

import (
	"errors"
	"strconv"

	"github.com/nyaruka/phonenumbers"
)

// This file is the slow path: numbers of other countries, and national
// numbers of a default region other than Indonesia, are read by
// phonenumbers. It costs microseconds and allocates, which is acceptable for
// the few foreign numbers an Indonesian seller has.

// foreign validates d, digits that start with a country code other than 62
// (written after "+" or "00").
func foreign(d []byte, o *outcome) {
	num, err := phonenumbers.Parse("+"+string(d), "ZZ")
	if err != nil {
		o.fail(parseFailure(err))
		return
	}
	fromPhonenumbers(num, o)
	if o.status == StatusValid && o.kind == KindForeign {
		// phonenumbers drops a trunk zero written after the country code
		// ("+44 (0)20 …"); say so, as for Indonesian numbers.
		cc := strconv.Itoa(int(num.GetCountryCode()))
		canon := string(o.phone[:o.n])
		if string(d) == cc+"0"+canon[len(cc):] {
			o.flags |= rTrunkZero
		}
	}
}

// nationalOther reads d, digits without "+" or "00", as a national number
// of the normaliser's default region, which is not Indonesia.
func (n *Normalizer) nationalOther(d []byte, o *outcome) {
	num, err := phonenumbers.Parse(string(d), n.region)
	if err != nil {
		o.fail(parseFailure(err))
		return
	}
	fromPhonenumbers(num, o)
}

// fromPhonenumbers fills o from a parsed number. An Indonesian number goes
// through the Indonesian rules, so that +62 means the same in every region.
func fromPhonenumbers(num *phonenumbers.PhoneNumber, o *outcome) {
	if num.GetCountryCode() == 62 {
		setID([]byte(phonenumbers.GetNationalSignificantNumber(num)), o)
		return
	}
	if !phonenumbers.IsValidNumber(num) {
		switch phonenumbers.IsPossibleNumberWithReason(num) {
		case phonenumbers.TOO_SHORT, phonenumbers.IS_POSSIBLE_LOCAL_ONLY:
			o.fail(rTooShort)
		case phonenumbers.TOO_LONG:
			o.fail(rTooLong)
		case phonenumbers.INVALID_COUNTRY_CODE:
			o.fail(rInvalidCC)
		default:
			o.fail(rInvalidNumber)
		}
		return
	}
	e164 := phonenumbers.Format(num, phonenumbers.E164) // "+14155552671"
	if len(e164) < 2 || len(e164)-1 > len(o.phone) {
		o.fail(rInvalidNumber)
		return
	}
	o.n = copy(o.phone[:], e164[1:])
	o.status = StatusValid
	o.kind = KindForeign
	o.foreign = num
}

// parseFailure maps a phonenumbers parse error to a reason. The input it
// gets is digits only, so "not a number" can only mean too few digits.
func parseFailure(err error) reasonSet {
	switch {
	case errors.Is(err, phonenumbers.ErrInvalidCountryCode):
		return rInvalidCC
	case errors.Is(err, phonenumbers.ErrNumTooLong):
		return rTooLong
	}
	return rTooShort
}
