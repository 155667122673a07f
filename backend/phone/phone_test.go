package phone_test

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"io/fs"
	"kontak/backend/fixtures"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"kontak/backend/phone"
)

func mustNew(t testing.TB, region string) *phone.Normalizer {
	t.Helper()
	n, err := phone.New(region)
	if err != nil {
		t.Fatalf("New(%q): %v", region, err)
	}
	return n
}

// Reason shorthands keep the tables readable.
const (
	apostrophe = phone.ReasonApostropheRemoved
	formula    = phone.ReasonFormulaQuotesRemoved
	fullwidth  = phone.ReasonFullwidthDigits
	unicodeDig = phone.ReasonUnicodeDigits
	float      = phone.ReasonFloatSuffixRemoved
	scientific = phone.ReasonScientificNotationExpanded
	extension  = phone.ReasonExtensionRemoved
	intl00     = phone.ReasonInternationalPrefix00
	trunk      = phone.ReasonTrunkZeroRemoved
	leading    = phone.ReasonLeadingZeroRestored
	holder     = phone.ReasonPlaceholder
	lost       = phone.ReasonDigitsLost
	notNumber  = phone.ReasonNotANumber
	short      = phone.ReasonTooShort
	long       = phone.ReasonTooLong
	area       = phone.ReasonUnknownAreaCode
	invalidNum = phone.ReasonInvalidNumber
	service    = phone.ReasonServiceNumber
	badCC      = phone.ReasonInvalidCountryCode
)

type normalizeTest struct {
	name    string
	region  string // "" means ID
	in      string
	phone   string
	status  phone.Status
	kind    phone.Kind
	display string
	reasons []phone.Reason
}

// valid and invalid build the common shapes of a normalizeTest.
func valid(name, in, canonical string, kind phone.Kind, display string, reasons ...phone.Reason) normalizeTest {
	return normalizeTest{name: name, in: in, phone: canonical, status: phone.StatusValid, kind: kind, display: display, reasons: reasons}
}

func invalid(name, in string, reasons ...phone.Reason) normalizeTest {
	return normalizeTest{name: name, in: in, status: phone.StatusInvalid, reasons: reasons}
}

func empty(name, in string, reasons ...phone.Reason) normalizeTest {
	return normalizeTest{name: name, in: in, status: phone.StatusEmpty, reasons: reasons}
}

func inRegion(region string, tt normalizeTest) normalizeTest {
	tt.region = region
	return tt
}

const (
	mobile   = phone.KindMobile
	landline = phone.KindLandline
	other    = phone.KindOther
	foreign  = phone.KindForeign
)

var normalizeTests = []normalizeTest{
	// Indonesian mobiles in the usual formats.
	valid("NationalDashes", "0812-3456-7890", "6281234567890", mobile, "+62 812-3456-7890"),
	valid("International", "+62 812-3456-7890", "6281234567890", mobile, "+62 812-3456-7890"),
	valid("PlusParens", "(+62) 812.3456.7890", "6281234567890", mobile, "+62 812-3456-7890"),
	valid("Canonical", "6281234567890", "6281234567890", mobile, "+62 812-3456-7890"),
	valid("Mobile9", "0812-345-678", "62812345678", mobile, "+62 812-345-678"),
	valid("Mobile10", "0812 3456 789", "628123456789", mobile, "+62 812-3456-789"),
	valid("Mobile12", "0812-3456-78901", "62812345678901", mobile, "+62 812-3456-78901"),
	valid("Bare62Plus9Digits", "62815579779", "62815579779", mobile, "+62 815-579-779"),
	invalid("MobileTooShort", "081234567", short),
	invalid("MobileTooLong", "08123456789012", long),
	invalid("NoMobileRange84", "0840-1234-5678", invalidNum),

	// Trunk zero after the country code, and the 00 prefix.
	valid("TrunkZeroParens", "+62 (0) 812 3456 7890", "6281234567890", mobile, "+62 812-3456-7890", trunk),
	valid("TrunkZeroBare62", "62 0812 3456 7890", "6281234567890", mobile, "+62 812-3456-7890", trunk),
	valid("TrunkZeroGlued", "+620812-3456-7890", "6281234567890", mobile, "+62 812-3456-7890", trunk),
	valid("TrunkZeroLandline", "+62 0 21 8350123", "62218350123", landline, "+62 21 8350123", trunk),
	valid("Prefix00", "0062 812 3456 7890", "6281234567890", mobile, "+62 812-3456-7890", intl00),
	valid("Prefix00TrunkZero", "0062 (0) 812-3456-7890", "6281234567890", mobile, "+62 812-3456-7890", intl00, trunk),
	valid("ITFSKeepsDoubleZero", "+62 001803 123456", "62001803123456", other, "+62 001803123456"),

	// Landlines of several area codes.
	valid("Jakarta", "(021) 8350123", "62218350123", landline, "+62 21 8350123"),
	valid("Jakarta8Digit", "021-5551-2345", "622155512345", landline, "+62 21 55512345"),
	valid("Bandung", "022-2501234", "62222501234", landline, "+62 22 2501234"),
	valid("Yogyakarta", "(0274) 512345", "62274512345", landline, "+62 274 512345"),
	valid("Medan", "061-4567890", "62614567890", landline, "+62 61 4567890"),
	valid("Surabaya", "031 5678901", "62315678901", landline, "+62 31 5678901"),
	valid("Denpasar", "0361 234567", "62361234567", landline, "+62 361 234567"),
	valid("Makassar", "0411-123456", "62411123456", landline, "+62 411 123456"),
	valid("Batam", "0778 1234567", "627781234567", landline, "+62 778 1234567"),
	valid("Jayapura", "0967 123456", "62967123456", landline, "+62 967 123456"),
	valid("LandlineInternational", "+62 21 5551234", "62215551234", landline, "+62 21 5551234"),
	invalid("UnknownAreaCode", "0201 234567", area),
	invalid("LandlineTooShort", "021 12345", short),
	invalid("LandlineTooLong", "0274 123456789", long),

	// Other Indonesian ranges.
	valid("TollFree", "0800 1234567", "628001234567", other, "+62 800 1234567"),
	valid("TollFree177", "0177 1234567", "621771234567", other, "+62 177 1234567"),
	valid("Premium", "0809 1 234 567", "628091234567", other, "+62 809 1 234 567"),
	valid("SharedCost", "0804 123 4567", "628041234567", other, "+62 804 123 4567"),
	valid("UAN1500", "1500 123", "621500123", other, "+62 1 500 123"),
	valid("UAN8071", "0807 1 123 456", "628071123456", other, "+62 807 1 123 456"),
	invalid("PremiumTooLong", "080912345678", long),
	invalid("Emergency112", "112", service),
	invalid("Police110", "110", service),
	invalid("ServiceWithCountryCode", "+62 112", service),
	invalid("ShortCode14045", "14045", service),

	// Spreadsheet damage.
	valid("Apostrophe", "'081234567890", "6281234567890", mobile, "+62 812-3456-7890", apostrophe),
	valid("Formula", `="081234567890"`, "6281234567890", mobile, "+62 812-3456-7890", formula),
	valid("FormulaInternational", `="+62 812-3456-7890"`, "6281234567890", mobile, "+62 812-3456-7890", formula),
	valid("FloatSuffix", "6281234567890.0", "6281234567890", mobile, "+62 812-3456-7890", float),
	valid("FloatSuffixComma", "6281234567890,0", "6281234567890", mobile, "+62 812-3456-7890", float),
	valid("FloatSuffixLostZero", "81234567890.0", "6281234567890", mobile, "+62 812-3456-7890", float, leading),
	valid("LostZeroMobile", "81234567890", "6281234567890", mobile, "+62 812-3456-7890", leading),
	valid("LostZeroJakarta", "218350123", "62218350123", landline, "+62 21 8350123", leading),
	valid("LostZeroPremium", "8091234567", "628091234567", other, "+62 809 1 234 567", leading),
	valid("Scientific", "6.281234567890E+12", "6281234567890", mobile, "+62 812-3456-7890", scientific),
	valid("ScientificComma", "6,281234567890E+12", "6281234567890", mobile, "+62 812-3456-7890", scientific),
	valid("ScientificLowerNoSign", "6.281234567890e12", "6281234567890", mobile, "+62 812-3456-7890", scientific),
	valid("ScientificTrailingZeros", "6.28123456789000E+12", "6281234567890", mobile, "+62 812-3456-7890", scientific),
	{name: "ScientificLossy", in: "6.28123E+11", status: phone.StatusLossy, reasons: []phone.Reason{lost}},
	{name: "ScientificLossyComma", in: "6,28123E+11", status: phone.StatusLossy, reasons: []phone.Reason{lost}},
	{name: "ScientificLossyApostrophe", in: "'6.28123456789E+12", status: phone.StatusLossy, reasons: []phone.Reason{apostrophe, lost}},
	invalid("ScientificFraction", "6.2812345678901E+12", notNumber),
	invalid("ScientificNegative", "6.28E-5", notNumber),
	valid("DotsAreFormatting", "0812.3456.7890", "6281234567890", mobile, "+62 812-3456-7890"),

	// Unicode.
	valid("NoBreakSpaces", "\u00a00812\u00a03456\u202f7890\u2007", "6281234567890", mobile, "+62 812-3456-7890"),
	valid("DirectionalMarks", "\u202a+62 812-3456-7890\u202c", "6281234567890", mobile, "+62 812-3456-7890"),
	valid("ZeroWidth", "\u200e0812\u200b3456\u200d7890\ufeff", "6281234567890", mobile, "+62 812-3456-7890"),
	valid("UnicodeDashes", "0812\u20113456\u20137890", "6281234567890", mobile, "+62 812-3456-7890"),
	valid("FullwidthDigits", "０８１２３４５６７８９０", "6281234567890", mobile, "+62 812-3456-7890", fullwidth),
	valid("FullwidthPlus", "＋６２　８１２－３４５６－７８９０", "6281234567890", mobile, "+62 812-3456-7890", fullwidth),
	valid("ArabicIndicDigits", "٠٨١٢٣٤٥٦٧٨٩٠", "6281234567890", mobile, "+62 812-3456-7890", unicodeDig),
	valid("DevanagariDigits", "+६२ ८१२ ३४५६ ७८९०", "6281234567890", mobile, "+62 812-3456-7890", unicodeDig),

	// Extensions are dropped: WhatsApp cannot dial them.
	valid("ExtWord", "0812 3456 7890 ext 12", "6281234567890", mobile, "+62 812-3456-7890", extension),
	valid("ExtPsw", "021-5551234 psw 123", "62215551234", landline, "+62 21 5551234", extension),
	valid("ExtPesDot", "(021) 5551234 pes. 12", "62215551234", landline, "+62 21 5551234", extension),
	valid("ExtRFC3966", "021 5551234;ext=12", "62215551234", landline, "+62 21 5551234", extension),
	valid("ExtX", "+1 415 555 2671 x12", "14155552671", foreign, "+1 415-555-2671", extension),
	invalid("ExtNotDigits", "021 5551234 ext abc", notNumber),

	// Junk and emptiness.
	empty("Empty", ""),
	empty("WhitespaceOnly", " \t \r\n"),
	empty("InvisibleOnly", "\u00a0\u200b\ufeff"),
	empty("Dash", "-", holder),
	empty("EmDash", "—", holder),
	empty("Parens", "( )", holder),
	empty("NA", "n/a", holder),
	empty("ExcelNA", "#N/A", holder),
	empty("PandasNaN", "NaN", holder),
	empty("Indonesian", "tidak ada", holder),
	empty("LoneApostrophe", "'", apostrophe),
	invalid("Letters", "abc", notNumber),
	invalid("LettersAfterNumber", "0812-3456-7890 (WA)", notNumber),
	invalid("LonePlus", "+", notNumber),
	invalid("DoublePlus", "++62 812 3456 7890", notNumber),
	invalid("PlusInside", "62+812 3456 7890", notNumber),
	invalid("Binary", "\x00\x01\xfe\xff", notNumber),
	invalid("InvalidUTF8", "0812\xff3456", notNumber),
	invalid("ControlChar", "0812\x073456 7890", notNumber),
	invalid("TwoNumbers", "0812-3456-7890 / 0813-1111-2222", long),
	invalid("TwoNumbersComma", "0812-3456-7890, 0813-1111-2222", notNumber),
	invalid("VeryLongDigits", strings.Repeat("8", 10<<10), long),
	invalid("VeryLongLetters", strings.Repeat("a", 10<<10), notNumber),
	empty("VeryLongSpaces", strings.Repeat(" ", 10<<10)),
	invalid("OneDigit", "8", short),
	invalid("OnlyCountryCode", "+62", short),
	invalid("DotIsASeparator", "0812.5", short),

	// Foreign numbers keep their country code and never get a 62.
	valid("US", "+1 (415) 555-2671", "14155552671", foreign, "+1 415-555-2671"),
	valid("Malaysia", "+60 12-345 6789", "60123456789", foreign, "+60 12-345 6789"),
	valid("Singapore", "+65 8123 4567", "6581234567", foreign, "+65 8123 4567"),
	valid("Malaysia00", "0060 12-345 6789", "60123456789", foreign, "+60 12-345 6789", intl00),
	valid("US001", "001 415 555 2671", "14155552671", foreign, "+1 415-555-2671", intl00),
	valid("UKTrunkZero", "+44 (0)20 7946 0958", "442079460958", foreign, "+44 20 7946 0958", trunk),
	invalid("ForeignTooShort", "+1 415", short),
	invalid("UnknownCountryCode", "+999 1234567", badCC),
	invalid("PlusZero", "+0812 3456 7890", badCC),
	invalid("BareMalaysianIsNotGuessed", "60123456789", area),
	invalid("BareUSIsNotGuessed", "14155552671", invalidNum),

	// Other default regions.
	inRegion("MY", valid("MYNational", "012-345 6789", "60123456789", foreign, "+60 12-345 6789")),
	inRegion("MY", valid("MYApostrophe", "'012-345 6789", "60123456789", foreign, "+60 12-345 6789", apostrophe)),
	inRegion("MY", valid("MYIndonesianPlus", "+62 812-3456-7890", "6281234567890", mobile, "+62 812-3456-7890")),
	inRegion("MY", valid("MYIndonesian00", "0062 812 3456 7890", "6281234567890", mobile, "+62 812-3456-7890", intl00)),
	inRegion("MY", invalid("MYIndonesianNational", "0812-3456-7890", long)),
	inRegion("MY", empty("MYDash", "-", holder)),
	inRegion("SG", valid("SGNational", "8123 4567", "6581234567", foreign, "+65 8123 4567")),
	inRegion("US", valid("USNational", "(415) 555-2671", "14155552671", foreign, "+1 415-555-2671")),
	inRegion("US", valid("USIDDToIndonesia", "011 62 812 3456 7890", "6281234567890", mobile, "+62 812-3456-7890")),
}

func TestNormalize(t *testing.T) {
	for _, tt := range normalizeTests {
		t.Run(tt.name, func(t *testing.T) {
			region := tt.region
			if region == "" {
				region = "ID"
			}
			n := mustNew(t, region)
			got := n.Normalize(tt.in)
			want := phone.Result{
				Input:   tt.in,
				Phone:   tt.phone,
				Status:  tt.status,
				Kind:    tt.kind,
				Display: tt.display,
				Reasons: tt.reasons,
			}
			if want.Reasons == nil {
				want.Reasons = []phone.Reason{}
			}
			if !equalResult(got, want) {
				t.Errorf("Normalize(%q) in %s:\n got %s\nwant %s", short40(tt.in), region, format(got), format(want))
			}
			checkAgree(t, n, tt.in, got)
			checkValidInvariants(t, n, got)
		})
	}
}

func equalResult(a, b phone.Result) bool {
	return a.Input == b.Input && a.Phone == b.Phone && a.Status == b.Status && a.Kind == b.Kind &&
		a.Display == b.Display && slices.Equal(a.Reasons, b.Reasons) && (a.Reasons == nil) == (b.Reasons == nil)
}

func format(r phone.Result) string {
	r.Input = ""
	b, _ := json.Marshal(r)
	return string(b)
}

// short40 keeps failure messages for the 10 KB inputs readable.
func short40(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// checkAgree checks that AppendCanonical agrees with a Normalize result,
// both on an empty and on a non-empty buffer.
func checkAgree(t *testing.T, n *phone.Normalizer, raw string, r phone.Result) {
	t.Helper()
	got, status := n.AppendCanonical(nil, raw)
	if string(got) != r.Phone || status != r.Status {
		t.Errorf("AppendCanonical(nil, %q) = %q, %q; Normalize gives %q, %q", short40(raw), got, status, r.Phone, r.Status)
	}
	got, _ = n.AppendCanonical([]byte("x,"), raw)
	if string(got) != "x,"+r.Phone {
		t.Errorf("AppendCanonical(\"x,\", %q) = %q, want %q", short40(raw), got, "x,"+r.Phone)
	}
}

func TestNew(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		region  string
		wantErr bool
	}{
		{"Indonesia", "ID", "ID", false},
		{"LowerCase", "id", "ID", false},
		{"EmptyIsIndonesia", "", "ID", false},
		{"Malaysia", "my", "MY", false},
		{"UnitedStates", " US ", "US", false},
		{"Unknown", "XX", "", true},
		{"UnknownRegionZZ", "ZZ", "", true},
		{"NonGeographic", "001", "", true},
		{"CountryCodeIsNotARegion", "62", "", true},
		{"Name", "Indonesia", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := phone.New(tt.in)
			if tt.wantErr {
				if err == nil {
					t.Errorf("New(%q) = region %q, want an error", tt.in, n.Region())
				}
				return
			}
			if err != nil {
				t.Fatalf("New(%q): %v", tt.in, err)
			}
			if got := n.Region(); got != tt.region {
				t.Errorf("New(%q).Region() = %q, want %q", tt.in, got, tt.region)
			}
		})
	}
}

func TestResultJSON(t *testing.T) {
	n := mustNew(t, "ID")
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"ValidNoReasons", "0812-3456-7890",
			`{"input":"0812-3456-7890","phone":"6281234567890","status":"valid","kind":"mobile","display":"+62 812-3456-7890","reasons":[]}`},
		{"Empty", "",
			`{"input":"","phone":"","status":"empty","kind":"","display":"","reasons":[]}`},
		{"Invalid", "abc",
			`{"input":"abc","phone":"","status":"invalid","kind":"","display":"","reasons":["not-a-number"]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(n.Normalize(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if got := string(b); got != tt.want {
				t.Errorf("json.Marshal(Normalize(%q)):\n got %s\nwant %s", tt.in, got, tt.want)
			}
		})
	}
}

// fastPathInputs are Indonesian inputs of every shape the fast path takes,
// including repairs and failures.
var fastPathInputs = []string{
	"0812-3456-7890", "+62 812 3456 7890", "6281234567890", "081234567890", "81234567890",
	"+62-812-3456-7890", "(+62) 812.3456.7890", "(021) 5551234", "+62 21 5551234",
	"+62 (0) 812 3456 7890", "0062 812 3456 7890", "'081234567890", `="081234567890"`,
	"6281234567890.0", "6.281234567890E+12", "6.28123E+11", "\u202a+62 812-3456-7890\u202c",
	"０８１２３４５６７８９０", "0812 3456 7890 ext 12", "112", "abc", "", "-", "n/a",
	"081234567", "0201 234567", strings.Repeat("8", 1000),
}

func TestAppendCanonicalDoesNotAllocate(t *testing.T) {
	n := mustNew(t, "ID")
	buf := make([]byte, 0, 64)
	for _, in := range fastPathInputs {
		allocs := testing.AllocsPerRun(100, func() {
			buf, _ = n.AppendCanonical(buf[:0], in)
		})
		if allocs != 0 {
			t.Errorf("AppendCanonical(buf, %q) allocates %v times, want 0", short40(in), allocs)
		}
	}
	// +62 numbers take the fast path in every region.
	my := mustNew(t, "MY")
	for _, in := range []string{"+62 812-3456-7890", "0062 21 5551234"} {
		allocs := testing.AllocsPerRun(100, func() {
			buf, _ = my.AppendCanonical(buf[:0], in)
		})
		if allocs != 0 {
			t.Errorf("region MY: AppendCanonical(buf, %q) allocates %v times, want 0", in, allocs)
		}
	}
}

// sharedTestdata returns the path of the shared test data.
func sharedTestdata(t *testing.T) string { return fixtures.Shared(t) }

func readFixture(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) && os.Getenv("CI") == "" {
		t.Skipf("fixture %s not found", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestFixturePhonesID checks every row of shared/testdata/phones-id.tsv:
// input, expected canonical digits, status, note.
func TestFixturePhonesID(t *testing.T) {
	path := filepath.Join(sharedTestdata(t), "phones-id.tsv")
	n := mustNew(t, "ID")
	rows := 0
	for i, line := range strings.Split(string(readFixture(t, path)), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 4 {
			t.Fatalf("%s:%d: %d columns, want 4", path, i+1, len(cols))
		}
		in, wantPhone, wantStatus, note := cols[0], cols[1], phone.Status(cols[2]), cols[3]
		rows++
		t.Run(note, func(t *testing.T) {
			got := n.Normalize(in)
			if got.Phone != wantPhone || got.Status != wantStatus {
				t.Errorf("line %d: Normalize(%q) = %q, %q (reasons %v); want %q, %q",
					i+1, in, got.Phone, got.Status, got.Reasons, wantPhone, wantStatus)
			}
			checkAgree(t, n, in, got)
			checkValidInvariants(t, n, got)
		})
	}
	if rows < 39 {
		t.Errorf("read %d rows of %s, want at least 39", rows, path)
	}
}

// TestFixtureIDNumbers checks every row of id_numbers.csv, made from
// libphonenumber's Indonesian metadata: the canonical form, validity, the
// number type, and for the rows written in INTERNATIONAL format, that
// Display writes them the same way.
func TestFixtureIDNumbers(t *testing.T) {
	path := filepath.Join(sharedTestdata(t), "peers", "phonenumbers-ID", "id_numbers.csv")
	records, err := csv.NewReader(strings.NewReader(string(readFixture(t, path)))).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if got := strings.Join(records[0], ","); got != "raw,expected_e164_or_invalid,expected_app_format,type,derivation,source" {
		t.Fatalf("%s: unexpected header %q", path, got)
	}
	kinds := map[string]phone.Kind{
		"fixedLine": landline, "mobile": mobile, "tollFree": other, "premiumRate": other,
		"sharedCost": other, "uan ; noInternationalDialling": other, "-": phone.KindNone,
	}
	n := mustNew(t, "ID")
	for i, rec := range records[1:] {
		raw, app, typ, derivation := rec[0], rec[2], rec[3], rec[4]
		wantKind, ok := kinds[typ]
		if !ok {
			t.Errorf("line %d: unknown type %q", i+2, typ)
			continue
		}
		wantPhone, wantStatus := app, phone.StatusValid
		if app == "invalid" {
			wantPhone, wantStatus = "", phone.StatusInvalid
		}
		t.Run(raw, func(t *testing.T) {
			got := n.Normalize(raw)
			if got.Phone != wantPhone || got.Status != wantStatus || got.Kind != wantKind {
				t.Errorf("line %d: Normalize(%q) = %q, %q, %q; want %q, %q, %q",
					i+2, raw, got.Phone, got.Status, got.Kind, wantPhone, wantStatus, wantKind)
			}
			if strings.HasPrefix(derivation, "INTERNATIONAL format") || strings.Contains(derivation, "; INTERNATIONAL format") {
				if got.Display != raw {
					t.Errorf("line %d: Normalize(%q).Display = %q, want the input", i+2, raw, got.Display)
				}
			}
			checkAgree(t, n, raw, got)
			checkValidInvariants(t, n, got)
		})
	}
	if len(records) != 40 {
		t.Errorf("read %d data rows of %s, want 39", len(records)-1, path)
	}
}

// checkValidInvariants checks what must hold for every valid result: the
// canonical form and the display form normalise back to the same number,
// and Display of the canonical form is the result's display.
func checkValidInvariants(t *testing.T, n *phone.Normalizer, r phone.Result) {
	t.Helper()
	if r.Status != phone.StatusValid {
		if r.Phone != "" || r.Display != "" || r.Kind != phone.KindNone {
			t.Errorf("Normalize(%q) is %s but has phone %q, display %q, kind %q", short40(r.Input), r.Status, r.Phone, r.Display, r.Kind)
		}
		return
	}
	if d := phone.Display(r.Phone); d != r.Display {
		t.Errorf("Display(%q) = %q, but Normalize(%q).Display = %q", r.Phone, d, r.Input, r.Display)
	}
	if again := n.Normalize(r.Display); again.Phone != r.Phone {
		t.Errorf("Normalize(Display %q) = %q, %q; want %q", r.Display, again.Phone, again.Status, r.Phone)
	}
	if again := n.Normalize("+" + r.Phone); again.Phone != r.Phone {
		t.Errorf("Normalize(%q) = %q, %q; want %q", "+"+r.Phone, again.Phone, again.Status, r.Phone)
	}
	// A bare canonical Indonesian number is read back as itself in region
	// ID. (A bare foreign one is not: it would be a national number.)
	if n.Region() == "ID" && strings.HasPrefix(r.Phone, "62") {
		if again := n.Normalize(r.Phone); again.Phone != r.Phone {
			t.Errorf("Normalize(%q) = %q, %q; want itself", r.Phone, again.Phone, again.Status)
		}
	}
}

// TestConcurrentUse shares one Normalizer between goroutines, as the import
// and the UI do; run it with -race.
func TestConcurrentUse(t *testing.T) {
	n := mustNew(t, "ID")
	inputs := append(slices.Clone(fastPathInputs), "+1 (415) 555-2671", "0060 12-345 6789")
	want := make([]phone.Result, len(inputs))
	for i, in := range inputs {
		want[i] = n.Normalize(in)
	}
	done := make(chan struct{})
	for range 4 {
		go func() {
			defer func() { done <- struct{}{} }()
			for i, in := range inputs {
				if got := n.Normalize(in); !equalResult(got, want[i]) {
					t.Errorf("concurrent Normalize(%q) = %s, want %s", short40(in), format(got), format(want[i]))
				}
			}
		}()
	}
	for range 4 {
		<-done
	}
}
