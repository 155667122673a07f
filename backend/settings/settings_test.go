package settings_test

import (
	"testing"

	"kontak/backend/apperr"
	"kontak/backend/settings"
	"kontak/backend/store"
)

func TestSettingsPersistAndChangeTheNormalizer(t *testing.T) {
	dir := t.TempDir()
	db, err := store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := settings.New(db, nil)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := s.Get()
	if got.Language != "" || got.Country != "ID" {
		t.Errorf("defaults: got %+v, want language \"\" and country ID", got)
	}
	if _, err := s.Update(settings.Settings{Language: "en", Country: "my"}); err != nil {
		t.Fatalf("Update: %v", err)
	}
	if r := settings.PhoneRules(s).Normalizer().Region(); r != "MY" {
		t.Errorf("normaliser region after update: got %s, want MY", r)
	}
	db.Close()

	db, err = store.Open(dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s, err = settings.New(db, nil)
	if err != nil {
		t.Fatal(err)
	}
	got, _ = s.Get()
	if got.Language != "en" || got.Country != "MY" {
		t.Errorf("after restart: got %+v, want en and MY", got)
	}
}

func TestUpdateRejectsUnknownValues(t *testing.T) {
	db, err := store.Open(t.TempDir(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s, _ := settings.New(db, nil)
	tests := []struct {
		name string
		in   settings.Settings
		code string
	}{
		{"unknown language", settings.Settings{Language: "fr", Country: "ID"}, "settings.language.invalid"},
		{"unknown country", settings.Settings{Language: "id", Country: "XX"}, "settings.country.invalid"},
		{"empty country", settings.Settings{Language: "id", Country: ""}, "settings.country.invalid"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.Update(tt.in)
			if !apperr.Is(err, tt.code) {
				t.Errorf("Update(%+v): got %v, want code %s", tt.in, err, tt.code)
			}
			if got, _ := s.Get(); got.Country != "ID" || got.Language != "" {
				t.Errorf("a refused update changed the settings to %+v", got)
			}
		})
	}
}

func TestSystemLanguage(t *testing.T) {
	tests := []struct {
		lang, want string
	}{
		{"id_ID.UTF-8", "id"},
		{"en_US.UTF-8", "en"},
		{"C", "en"},
		{"", "en"},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			t.Setenv("LANGUAGE", "")
			t.Setenv("LC_ALL", "")
			t.Setenv("LC_MESSAGES", "")
			t.Setenv("LANG", tt.lang)
			if got := settings.SystemLanguage(); got != tt.want {
				t.Errorf("LANG=%q: got %s, want %s", tt.lang, got, tt.want)
			}
		})
	}
}
