package importer

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"kontak/backend/apperr"
	"kontak/backend/contacts"
	"kontak/backend/events"
	"kontak/backend/phone"
	"kontak/backend/store"
)

// What to do with a row whose phone already belongs to a contact.
const (
	ExistingSkip      = "skip"      // leave the contact's fields as they are (groups are still added)
	ExistingFill      = "fill"      // fill only the fields the contact does not have yet
	ExistingOverwrite = "overwrite" // replace the contact's fields with the file's values
)

// Outcomes of a row.
const (
	OutcomeNew       = "new"
	OutcomeUpdate    = "update"
	OutcomeUnchanged = "unchanged"
	OutcomeDuplicate = "duplicate" // the same phone appeared on an earlier row of the file
	OutcomeInvalid   = "invalid"
	OutcomeLossy     = "lossy"
	OutcomeEmpty     = "empty"
)

// Options describe one import: the file, how to read and map it, and where it goes.
type Options struct {
	Path         string      `json:"path"`
	Open         OpenOptions `json:"open"`
	Mapping      *Mapping    `json:"mapping"`      // nil: the remembered mapping for this header, else the suggested one
	GroupIDs     []uint64    `json:"groupIds"`     // existing target groups
	NewGroups    []string    `json:"newGroups"`    // target groups to create
	Existing     string      `json:"existing"`     // skip, fill (default) or overwrite
	ReplaceNames bool        `json:"replaceNames"` // a name in the file replaces an existing contact's name
}

// Counts are the totals of an import or of its preview. In a preview, Created, Updated
// and Unchanged say what would happen.
type Counts struct {
	Read       int64 `json:"read"`
	Created    int64 `json:"created"`
	Updated    int64 `json:"updated"`
	Unchanged  int64 `json:"unchanged"`
	Duplicates int64 `json:"duplicates"`
	Invalid    int64 `json:"invalid"`
	Lossy      int64 `json:"lossy"`
	Empty      int64 `json:"empty"`
}

func (c *Counts) add(outcome string) {
	switch outcome {
	case OutcomeNew:
		c.Created++
	case OutcomeUpdate:
		c.Updated++
	case OutcomeUnchanged:
		c.Unchanged++
	case OutcomeDuplicate:
		c.Duplicates++
	case OutcomeInvalid:
		c.Invalid++
	case OutcomeLossy:
		c.Lossy++
	case OutcomeEmpty:
		c.Empty++
	}
}

func (c Counts) asMap() map[string]int64 {
	return map[string]int64{"read": c.Read, "created": c.Created, "updated": c.Updated, "unchanged": c.Unchanged,
		"duplicates": c.Duplicates, "invalid": c.Invalid, "lossy": c.Lossy, "empty": c.Empty}
}

func countsFromMap(m map[string]int64) Counts {
	return Counts{Read: m["read"], Created: m["created"], Updated: m["updated"], Unchanged: m["unchanged"],
		Duplicates: m["duplicates"], Invalid: m["invalid"], Lossy: m["lossy"], Empty: m["empty"]}
}

// Problem is a row that was not imported, and why.
type Problem struct {
	Row         int    `json:"row"`
	Outcome     string `json:"outcome"` // duplicate, invalid, lossy or empty
	Reason      string `json:"reason"`  // a phone reason code, or "duplicate"
	Name        string `json:"name"`
	Phone       string `json:"phone"` // as written in the file
	DuplicateOf int    `json:"duplicateOf,omitempty"`
}

// maxProblems bounds the problems kept in a report; the rejected-rows file has them all.
const maxProblems = 1000

// Progress receives how far an import has come. Done and Total are bytes of the file
// (rows for formats where bytes are not known), Rows the rows read so far.
type Progress interface {
	Report(p ProgressInfo)
}

// ProgressInfo is one progress report.
type ProgressInfo struct {
	ImportID   uint64  `json:"importId"`
	Rows       int64   `json:"rows"`
	Done       int64   `json:"done"`
	Total      int64   `json:"total"`
	Percent    float64 `json:"percent"`
	RowsPerSec float64 `json:"rowsPerSec"`
	SecondsMax float64 `json:"secondsLeft"`
	Phase      string  `json:"phase"` // "reading", "undoing", "done"
}

// Service runs imports into the contacts service.
type Service struct {
	db        *store.DB
	contacts  *contacts.Service
	phones    contacts.PhoneRules
	emit      events.Emitter
	now       func() time.Time
	dir       string // where rejected-row files are kept
	batchSize int

	mu      sync.Mutex
	running *job
}

type job struct {
	id     uint64
	cancel context.CancelFunc
	done   chan struct{}
}

// Config gives the import service its collaborators.
type Config struct {
	DB       *store.DB
	Contacts *contacts.Service
	Phones   contacts.PhoneRules
	Emit     events.Emitter
	Now      func() time.Time
	// Dir holds the rejected rows of each import; "" means a folder in the temp dir.
	Dir string
}

// New builds the import service and rolls back any import that a crash or a kill left
// half-done, so the contacts are as they were before it started.
func New(c Config) (*Service, error) {
	s := &Service{db: c.DB, contacts: c.Contacts, phones: c.Phones, emit: c.Emit, now: c.Now, dir: c.Dir, batchSize: 1000}
	if s.emit == nil {
		s.emit = events.Discard{}
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.dir == "" {
		s.dir = filepath.Join(os.TempDir(), "kontak-imports")
	}
	if s.db == nil {
		return s, nil
	}
	ims, err := s.db.Imports()
	if err != nil {
		return nil, fmt.Errorf("read imports: %w", err)
	}
	for _, im := range ims {
		if im.State != store.ImportRunning {
			continue
		}
		slog.Warn("rolling back an interrupted import", "id", im.ID, "file", im.File)
		if _, err := s.contacts.UndoImport(im.ID); err != nil {
			return nil, fmt.Errorf("roll back import %d: %w", im.ID, err)
		}
		im.State, im.Error, im.FinishedAt = store.ImportFailed, "interrupted", s.now().UnixMilli()
		if err := s.db.Update(func(t *store.Txn) error { return t.PutImport(im) }); err != nil {
			return nil, fmt.Errorf("record rolled-back import %d: %w", im.ID, err)
		}
	}
	return s, nil
}

func (s *Service) ready() error {
	if s == nil || s.db == nil {
		return apperr.New(apperr.Internal, "data.unavailable", "the data folder is not open")
	}
	return nil
}

// planner turns records into planned rows; it holds the per-file state (seen phones).
type planner struct {
	s        *Service
	opts     Options
	norm     *phone.Normalizer
	seen     map[uint64]int32 // canonical phone → first row with it
	groupIDs []uint64         // target groups (existing + created)
	groupCol map[string]uint64
	buf      []byte
	source   string
	results  []phone.Result // choosePhone's, reused from row to row
	mayExist func(phone string) bool
}

// planned is one row with its outcome and, when it is written, what to write.
type planned struct {
	outcome     string
	reason      string
	duplicateOf int
	rec         store.Contact
	existing    *store.Contact
	groups      []string // group names from the file's group column
	rawPhone    string
	display     string
}

func newPlanner(s *Service, opts Options) *planner {
	return &planner{s: s, opts: opts, norm: s.phones.Normalizer(), seen: make(map[uint64]int32, 1<<14),
		mayExist: s.contacts.PhonesNow()}
}

// choosePhone picks the contact's phone among a record's numbers: the first valid mobile,
// else the first valid number. The others are kept as custom fields.
func (p *planner) choosePhone(r *Record) (chosen int, res phone.Result, others []store.Field) {
	chosen = -1
	var firstBad *phone.Result
	if cap(p.results) < len(r.Phones) {
		p.results = make([]phone.Result, len(r.Phones))
	}
	results := p.results[:len(r.Phones)]
	for i, ph := range r.Phones {
		results[i] = p.norm.Normalize(ph.Value)
		rs := &results[i]
		switch {
		case rs.Status == phone.StatusValid && rs.Kind == phone.KindMobile && (chosen < 0 || results[chosen].Kind != phone.KindMobile):
			chosen = i
		case rs.Status == phone.StatusValid && chosen < 0:
			chosen = i
		case rs.Status != phone.StatusValid && rs.Status != phone.StatusEmpty && firstBad == nil:
			firstBad = rs
		}
	}
	if chosen >= 0 {
		res = results[chosen]
	} else if firstBad != nil {
		res = *firstBad
	} else {
		res = phone.Result{Status: phone.StatusEmpty}
		if len(r.Phones) > 0 {
			res.Input = r.Phones[0].Value
		}
	}
	n := 0
	for i, ph := range r.Phones {
		if i == chosen || strings.TrimSpace(ph.Value) == "" {
			continue
		}
		n++
		key := "Phone " + strconv.Itoa(n+1)
		if ph.Label != "" {
			key += " (" + ph.Label + ")"
		}
		v := ph.Value
		if results[i].Status == phone.StatusValid {
			v = results[i].Display
		}
		others = append(others, store.Field{Key: key, Value: v})
	}
	return chosen, res, others
}

// plan decides what happens to one record. Existing contacts are read from the store.
func (p *planner) plan(r *Record) (planned, error) {
	_, res, otherPhones := p.choosePhone(r)
	out := planned{rawPhone: res.Input, groups: r.Groups}
	switch res.Status {
	case phone.StatusEmpty:
		out.outcome, out.reason = OutcomeEmpty, "empty"
		return out, nil
	case phone.StatusLossy:
		out.outcome, out.reason = OutcomeLossy, "digits-lost"
		return out, nil
	case phone.StatusInvalid:
		out.outcome, out.reason = OutcomeInvalid, "invalid"
		if len(res.Reasons) > 0 {
			out.reason = string(res.Reasons[len(res.Reasons)-1])
		}
		return out, nil
	}
	out.display = res.Display
	key, err := strconv.ParseUint(res.Phone, 10, 64)
	if err != nil { // longer than any real number: keep it apart by hashing the string
		key = hashString(res.Phone)
	}
	if first, ok := p.seen[key]; ok {
		out.outcome, out.reason, out.duplicateOf = OutcomeDuplicate, "duplicate", int(first)
		return out, nil
	}
	p.seen[key] = int32(r.Row)

	name := strings.TrimSpace(r.Name)
	if name == "" {
		name = res.Display
	}
	fields := make([]store.Field, 0, len(r.Fields)+len(otherPhones))
	for _, f := range r.Fields {
		fields = append(fields, store.Field{Key: f.Key, Value: f.Value})
	}
	fields = append(fields, otherPhones...)
	email := strings.TrimSpace(r.Email)
	if email != "" && !contacts.ValidEmail(email) {
		fields = append(fields, store.Field{Key: "Email", Value: email})
		email = ""
	}
	fields = uniqueFields(fields)

	var found store.Contact
	var prevGroups []uint64
	exists := false
	if p.mayExist(res.Phone) {
		var err error
		found, prevGroups, exists, err = p.s.contacts.ExistingByPhone(res.Phone)
		if err != nil {
			return out, err
		}
	}
	if !exists {
		out.outcome = OutcomeNew
		nameSource := store.NameImport
		if strings.TrimSpace(r.Name) == "" {
			nameSource = store.NameNumber
		}
		out.rec = store.Contact{Name: name, OriginalName: name, Phone: res.Phone, Email: email,
			Source: p.source, Fields: fields, NameSource: nameSource, OptOut: r.OptOut}
		return out, nil
	}
	prev := found // out keeps its address: only rows of existing contacts pay for a copy
	rec := prev
	switch p.opts.Existing {
	case ExistingSkip:
	case ExistingOverwrite:
		if p.opts.ReplaceNames && strings.TrimSpace(r.Name) != "" && !prev.NameLocked && rec.Name != name {
			rec.Name, rec.NameSource = name, store.NameImport
		}
		if email != "" {
			rec.Email = email
		}
		rec.Fields = mergeFields(prev.Fields, fields, true)
	default: // fill
		if p.opts.ReplaceNames && strings.TrimSpace(r.Name) != "" && !prev.NameLocked && rec.Name != name {
			rec.Name, rec.NameSource = name, store.NameImport
		}
		if rec.Email == "" {
			rec.Email = email
		}
		rec.Fields = mergeFields(prev.Fields, fields, false)
	}
	// A request not to be contacted is honoured whatever the file does to existing
	// contacts, skip included; an import never opts a contact back in.
	if r.OptOut {
		rec.OptOut = true
	}
	out.existing = &prev
	out.rec = rec
	out.outcome = OutcomeUpdate
	if sameContact(prev, rec) && prev.OptOut == rec.OptOut && !p.addsGroups(prevGroups, r.Groups) {
		out.outcome = OutcomeUnchanged
	}
	return out, nil
}

// addsGroups reports whether a row would put an existing contact in a new group. During
// a preview, groups from the file's column that do not exist yet count as new.
func (p *planner) addsGroups(groups []uint64, names []string) bool {
	if len(p.opts.NewGroups) > 0 && p.groupIDs == nil {
		return true // a preview: the new target groups do not exist yet
	}
	for _, g := range p.groupIDs {
		if !slices.Contains(groups, g) {
			return true
		}
	}
	for _, n := range names {
		gid, ok := p.s.contacts.GroupByName(n)
		if !ok || !slices.Contains(groups, gid.ID) {
			return true
		}
	}
	return false
}

func sameContact(a, b store.Contact) bool {
	return a.Name == b.Name && a.Email == b.Email && slices.Equal(a.Fields, b.Fields)
}

// mergeFields adds the file's fields to a contact's: with overwrite the file's value wins
// for a key both have; otherwise only keys the contact lacks are added. Keys match
// ignoring case.
func mergeFields(have, file []store.Field, overwrite bool) []store.Field {
	out := slices.Clone(have)
	for _, f := range file {
		i := slices.IndexFunc(out, func(h store.Field) bool { return strings.EqualFold(h.Key, f.Key) })
		switch {
		case i < 0:
			out = append(out, f)
		case overwrite:
			out[i].Value = f.Value
		case out[i].Value == "":
			out[i].Value = f.Value
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// uniqueFields drops empty fields and numbers repeated keys ("Kota", "Kota 2") so that a
// file with two columns of the same name loses nothing.
func uniqueFields(fs []store.Field) []store.Field {
	out := fs[:0]
	seen := map[string]int{}
	for _, f := range fs {
		f.Key, f.Value = strings.TrimSpace(f.Key), strings.TrimSpace(f.Value)
		if f.Value == "" {
			continue
		}
		if f.Key == "" {
			f.Key = "Field"
		}
		k := strings.ToLower(f.Key)
		if n := seen[k]; n > 0 {
			seen[k] = n + 1
			f.Key = fmt.Sprintf("%s %d", f.Key, n+1)
		} else {
			seen[k] = 1
		}
		out = append(out, f)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func hashString(s string) uint64 {
	sum := sha256.Sum256([]byte(s))
	var h uint64
	for _, b := range sum[:8] {
		h = h<<8 | uint64(b)
	}
	return h | 1<<63 // canonical phones parse below 10^15, so hashed keys never collide with them
}

// mappingKey identifies a header for remembering its mapping: the same column names in
// the same order, ignoring case and spaces.
func mappingKey(header []string) string {
	h := sha256.New()
	for _, c := range header {
		h.Write([]byte(strings.ToLower(strings.TrimSpace(c))))
		h.Write([]byte{0})
	}
	return "mapping:" + hex.EncodeToString(h.Sum(nil)[:12])
}

func (s *Service) rememberedMapping(header []string) (Mapping, bool) {
	if len(header) == 0 {
		return Mapping{}, false
	}
	var m Mapping
	err := s.db.View(func(t *store.Txn) error {
		v, err := t.Setting(mappingKey(header))
		if err != nil {
			return err
		}
		return json.Unmarshal([]byte(v), &m)
	})
	if err != nil || len(m.Columns) != len(header) {
		return Mapping{}, false
	}
	return m, true
}

func (s *Service) rememberMapping(header []string, m Mapping) {
	if len(header) == 0 || len(m.Columns) != len(header) {
		return
	}
	b, _ := json.Marshal(m)
	if err := s.db.Update(func(t *store.Txn) error { return t.PutSetting(mappingKey(header), string(b)) }); err != nil {
		slog.Warn("remember mapping", "err", err)
	}
}

// mappingFor picks the mapping: the caller's, else the one remembered for this header,
// else the suggestion. A caller's mapping must fit the header.
func (s *Service) mappingFor(src *Source, m *Mapping) (Mapping, error) {
	if src.Format == FormatVCard {
		return Mapping{}, nil
	}
	if m != nil {
		if len(m.Columns) != len(src.Header) {
			return Mapping{}, apperr.New(apperr.Invalid, "import.mapping.invalid",
				fmt.Sprintf("the mapping has %d columns, the file %d", len(m.Columns), len(src.Header)))
		}
		return *m, nil
	}
	if rm, ok := s.rememberedMapping(src.Header); ok {
		return rm, nil
	}
	return src.Suggested, nil
}

func checkMapping(src *Source, m Mapping) error {
	if src.Format == FormatVCard {
		return nil
	}
	if !slices.ContainsFunc(m.Columns, func(c ColumnMap) bool { return c.Role == RolePhone }) {
		return apperr.New(apperr.Invalid, "import.mapping.no_phone", "choose which column holds the phone number")
	}
	return nil
}

func normaliseOptions(o *Options) error {
	switch o.Existing {
	case "":
		o.Existing = ExistingFill
	case ExistingSkip, ExistingFill, ExistingOverwrite:
	default:
		return apperr.New(apperr.Invalid, "import.options.invalid",
			fmt.Sprintf("existing must be skip, fill or overwrite, not %q", o.Existing))
	}
	if strings.TrimSpace(o.Path) == "" {
		return apperr.New(apperr.Invalid, "import.file.unreadable", "no file was chosen").With("detail", "no file")
	}
	return nil
}

func sortedProblems(ps []Problem) []Problem {
	slices.SortFunc(ps, func(a, b Problem) int { return cmp.Compare(a.Row, b.Row) })
	return ps
}

var errCancelled = errors.New("import cancelled")
