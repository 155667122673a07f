package phone_test

import (
	"testing"

	"kontak/backend/phone"
)

func TestSearchDigits(t *testing.T) {
	tests := []struct {
		name     string
		query    string
		region   string
		digits   string
		anchored bool
	}{
		{"NationalPrefix", "0812 34", "ID", "6281234", true},
		{"NationalFull", "0812-3456-7890", "ID", "6281234567890", true},
		{"ZeroAlone", "0", "ID", "62", true},
		{"Plus62", "+62 812", "ID", "62812", true},
		{"Plus62TrunkZero", "+62 (0)812", "ID", "62812", true},
		{"Bare62", "62812", "ID", "62812", true},
		{"Bare62TrunkZero", "62 0812", "ID", "62812", true},
		{"Prefix00", "0062 812", "ID", "62812", true},
		{"FragmentAnywhere", "812-3456", "ID", "8123456", false},
		{"DigitAnywhere", "5", "ID", "5", false},
		{"ForeignPlus", "+1 415", "ID", "1415", true},
		{"Foreign00", "0060 12", "ID", "6012", true},
		{"FullwidthDigits", "０８１２", "ID", "62812", true},
		{"NoBreakSpace", "0812\u00a03456", "ID", "628123456", true},
		{"EmptyRegionIsID", "0812", "", "62812", true},
		{"UnknownRegionIsID", "0812", "XX", "62812", true},
		{"MalaysiaNational", "012-345", "MY", "6012345", true},
		{"MalaysiaCountryCode", "6012", "my", "6012", true},
		{"MalaysiaIndonesian", "62812", "MY", "62812", true},
		{"MalaysiaFragment", "345 67", "MY", "34567", false},
		{"Name", "budi", "ID", "", false},
		{"NameWithDigits", "budi 0812", "ID", "", false},
		{"DigitsThenLetters", "0812abc", "ID", "", false},
		{"Email", "budi123@gmail.com", "ID", "", false},
		{"Symbol", "0812#", "ID", "", false},
		{"Empty", "", "ID", "", false},
		{"Spaces", "   ", "ID", "", false},
		{"LonePlus", "+", "ID", "", false},
		{"Only00", "00", "ID", "", false},
		{"PlusInside", "62+812", "ID", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			digits, anchored := phone.SearchDigits(tt.query, tt.region)
			if digits != tt.digits || anchored != tt.anchored {
				t.Errorf("SearchDigits(%q, %q) = %q, %v; want %q, %v", tt.query, tt.region, digits, anchored, tt.digits, tt.anchored)
			}
		})
	}
}

// Every way of writing a number must find it: the digits SearchDigits gives
// for any format of the number match its canonical form.
func TestSearchDigitsFindsNormalizedNumber(t *testing.T) {
	n := mustNew(t, "ID")
	for _, q := range []string{"0812-3456-7890", "+62 812 3456 7890", "6281234567890", "0062 812 3456 7890", "+62 (0) 812 3456 7890", "(021) 8350123", "+62 21 8350123"} {
		canonical := n.Normalize(q).Phone
		digits, anchored := phone.SearchDigits(q, "ID")
		if !anchored || digits != canonical {
			t.Errorf("SearchDigits(%q) = %q, %v; want %q, true (Normalize gives %q)", q, digits, anchored, canonical, canonical)
		}
	}
}
