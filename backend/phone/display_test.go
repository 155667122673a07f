package phone_test

import (
	"testing"

	"kontak/backend/phone"
)

func TestDisplay(t *testing.T) {
	tests := []struct {
		name      string
		canonical string
		want      string
	}{
		{"Mobile11", "6281234567890", "+62 812-3456-7890"},
		{"Mobile9", "62812345678", "+62 812-345-678"},
		{"Mobile10", "628123456789", "+62 812-3456-789"},
		{"Mobile12", "62812345678901", "+62 812-3456-78901"},
		{"Jakarta", "62218350123", "+62 21 8350123"},
		{"Surabaya", "62315678901", "+62 31 5678901"},
		{"Yogyakarta", "62274512345", "+62 274 512345"},
		{"TollFree", "628001234567", "+62 800 1234567"},
		{"Premium", "628091234567", "+62 809 1 234 567"},
		{"SharedCost", "628041234567", "+62 804 123 4567"},
		{"UAN", "621500123", "+62 1 500 123"},
		{"ITFS", "62001803123456", "+62 001803123456"},
		{"US", "14155552671", "+1 415-555-2671"},
		{"Malaysia", "60123456789", "+60 12-345 6789"},
		{"UnknownCountryCode", "9991234567", "+9991234567"},
		{"CountryCodeOnly", "62", "+62"},
		{"Empty", "", ""},
		{"NotCanonicalPlus", "+6281234567890", ""},
		{"NotCanonicalSpaces", "62 812 3456 7890", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := phone.Display(tt.canonical); got != tt.want {
				t.Errorf("Display(%q) = %q, want %q", tt.canonical, got, tt.want)
			}
		})
	}
}

// Display runs for every row of a list page, so for Indonesian numbers it
// may allocate the result string and nothing else.
func TestDisplayAllocatesOnlyTheResult(t *testing.T) {
	for _, c := range []string{"6281234567890", "62218350123", "628091234567", "62812345678901"} {
		if allocs := testing.AllocsPerRun(100, func() { _ = phone.Display(c) }); allocs > 1 {
			t.Errorf("Display(%q) allocates %v times, want at most 1", c, allocs)
		}
	}
}
