// Package settings keeps the user's preferences: the interface language and the default
// country for phone numbers written without a country code. The current phone normaliser
// is derived from the country, so every other service asks this one for it.
package settings

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"

	"github.com/nyaruka/phonenumbers"

	"kontak/backend/apperr"
	"kontak/backend/events"
	"kontak/backend/phone"
	"kontak/backend/store"
)

// Languages the interface speaks. An empty Language means "follow the system".
const (
	LanguageSystem     = ""
	LanguageIndonesian = "id"
	LanguageEnglish    = "en"
)

// DefaultCountry is where numbers without a country code are assumed to be from.
const DefaultCountry = "ID"

// Settings is what the user can change on the Settings screen.
type Settings struct {
	Language       string `json:"language"`       // "", "id" or "en"
	Country        string `json:"country"`        // ISO 3166 code, e.g. "ID"
	SystemLanguage string `json:"systemLanguage"` // read-only: the OS locale's language
}

// Country is one choice of the default-country list.
type Country struct {
	Code        string `json:"code"`
	Name        string `json:"name"`
	CallingCode string `json:"callingCode"`
}

// countries are the choices offered: Indonesia first, then the neighbours and the places
// Indonesian sellers' customers most often live. The phone package accepts any region
// libphonenumber knows; this list only keeps the menu short.
var countries = []Country{
	{"ID", "Indonesia", ""}, {"MY", "Malaysia", ""}, {"SG", "Singapore", ""},
	{"BN", "Brunei", ""}, {"TL", "Timor-Leste", ""}, {"TH", "Thailand", ""},
	{"PH", "Philippines", ""}, {"VN", "Vietnam", ""}, {"AU", "Australia", ""},
	{"HK", "Hong Kong", ""}, {"TW", "Taiwan", ""}, {"JP", "Japan", ""},
	{"KR", "South Korea", ""}, {"SA", "Saudi Arabia", ""}, {"AE", "United Arab Emirates", ""},
	{"NL", "Netherlands", ""}, {"GB", "United Kingdom", ""}, {"US", "United States", ""},
}

func init() {
	for i := range countries {
		countries[i].CallingCode = fmt.Sprintf("+%d", phonenumbers.GetCountryCodeForRegion(countries[i].Code))
	}
}

const (
	keyLanguage = "language"
	keyCountry  = "country"
)

// Service reads and writes settings. It is bound to the interface as "Settings".
type Service struct {
	db   *store.DB
	emit events.Emitter

	mu         sync.RWMutex
	current    Settings
	normalizer *phone.Normalizer
}

// New loads the stored settings, falling back to defaults for anything never set.
func New(db *store.DB, emit events.Emitter) (*Service, error) {
	if emit == nil {
		emit = events.Discard{}
	}
	s := &Service{db: db, emit: emit}
	cur := Settings{Country: DefaultCountry, SystemLanguage: SystemLanguage()}
	err := db.View(func(t *store.Txn) error {
		if v, err := t.Setting(keyLanguage); err == nil {
			cur.Language = v
		} else if !errors.Is(err, store.ErrNotFound) {
			return err
		}
		if v, err := t.Setting(keyCountry); err == nil {
			cur.Country = v
		} else if !errors.Is(err, store.ErrNotFound) {
			return err
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read settings: %w", err)
	}
	n, err := phone.New(cur.Country)
	if err != nil {
		// A stored country this build does not know falls back to Indonesia rather than
		// keeping the app from starting.
		cur.Country = DefaultCountry
		n, _ = phone.New(DefaultCountry)
	}
	s.current, s.normalizer = cur, n
	return s, nil
}

// Rules gives the phone normaliser that follows the default-country setting.
type Rules struct{ s *Service }

// PhoneRules returns the phone rules of s. It is a function rather than a method because
// every exported method of Service is callable from the interface.
func PhoneRules(s *Service) Rules { return Rules{s} }

// Normalizer returns the phone normaliser for the current default country.
func (r Rules) Normalizer() *phone.Normalizer {
	r.s.mu.RLock()
	defer r.s.mu.RUnlock()
	return r.s.normalizer
}

// Get returns the current settings.
func (s *Service) Get() (_ Settings, err error) {
	defer apperr.Recover(&err, "get settings")
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.current, nil
}

// Update validates and stores new settings and tells the interface.
func (s *Service) Update(in Settings) (_ Settings, err error) {
	defer apperr.Recover(&err, "update settings")
	if s.db == nil {
		return Settings{}, apperr.New(apperr.Internal, "data.unavailable", "the data folder is not open")
	}
	in.Country = strings.ToUpper(strings.TrimSpace(in.Country))
	if !slices.Contains([]string{LanguageSystem, LanguageIndonesian, LanguageEnglish}, in.Language) {
		return Settings{}, apperr.New(apperr.Invalid, "settings.language.invalid",
			fmt.Sprintf("unknown language %q", in.Language)).OnField("language")
	}
	n, nerr := phone.New(in.Country)
	if nerr != nil || in.Country == "" {
		return Settings{}, apperr.New(apperr.Invalid, "settings.country.invalid",
			fmt.Sprintf("unknown country %q", in.Country)).OnField("country")
	}
	err = s.db.Update(func(t *store.Txn) error {
		if err := t.PutSetting(keyLanguage, in.Language); err != nil {
			return err
		}
		return t.PutSetting(keyCountry, in.Country)
	})
	if err != nil {
		return Settings{}, apperr.Wrap(err, "save settings")
	}
	s.mu.Lock()
	s.current = Settings{Language: in.Language, Country: in.Country, SystemLanguage: s.current.SystemLanguage}
	s.normalizer = n
	out := s.current
	s.mu.Unlock()
	s.emit.Emit(events.SettingsChanged, out)
	return out, nil
}

// Countries lists the default-country choices.
func (s *Service) Countries() (_ []Country, err error) {
	defer apperr.Recover(&err, "list countries")
	return slices.Clone(countries), nil
}

// SystemLanguage is the interface language the operating system asks for: "id" when its
// locale is Indonesian, "en" otherwise.
func SystemLanguage() string {
	for _, tag := range systemLocales() {
		tag = strings.ToLower(tag)
		if tag == "" || tag == "c" || tag == "posix" {
			continue
		}
		if strings.HasPrefix(tag, "id") || strings.HasPrefix(tag, "in_") || strings.HasPrefix(tag, "in-") {
			return LanguageIndonesian
		}
		return LanguageEnglish
	}
	return LanguageEnglish
}

// envLocales reads the locale variables in the order gettext honours them.
func envLocales() []string {
	var tags []string
	if v := os.Getenv("LANGUAGE"); v != "" {
		tags = append(tags, strings.Split(v, ":")...)
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(k); v != "" {
			tags = append(tags, v)
		}
	}
	return tags
}
