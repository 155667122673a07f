package inbound_test

import (
	"io"
	"net"
	"net/http"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"kontak/backend/apperr"
	"kontak/backend/contacts"
	"kontak/backend/inbound"
	"kontak/backend/phone"
	"kontak/backend/store"
)

type rules struct{ n *phone.Normalizer }

func (r rules) Normalizer() *phone.Normalizer { return r.n }

// detect is a stand-in for names.Detect that knows one phrase, so these tests are about
// the pipeline and not about name detection.
func detect(msg string) string {
	if i := strings.Index(strings.ToLower(msg), "nama saya "); i >= 0 {
		return strings.Trim(strings.Fields(msg[i+len("nama saya "):])[0], ",.!?")
	}
	return ""
}

type world struct {
	t   *testing.T
	db  *store.DB
	svc *contacts.Service
	in  *inbound.Service
}

func newWorld(t *testing.T) *world {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	n, _ := phone.New("ID")
	svc, err := contacts.New(db, rules{n}, contacts.Options{})
	if err != nil {
		t.Fatal(err)
	}
	clock := time.Unix(1_700_000_000, 0)
	in, err := inbound.New(inbound.Config{DB: db, Contacts: svc, Phones: rules{n}, DetectName: detect,
		Now: func() time.Time { clock = clock.Add(time.Second); return clock }})
	if err != nil {
		t.Fatal(err)
	}
	return &world{t: t, db: db, svc: svc, in: in}
}

func (w *world) group(name string) uint64 {
	g, err := w.svc.Groups().Create(contacts.GroupInput{Name: name})
	if err != nil {
		w.t.Fatal(err)
	}
	return g.ID
}

func (w *world) rule(r inbound.Rule) inbound.Rule {
	w.t.Helper()
	r.Enabled = true
	saved, err := w.in.SaveRule(r)
	if err != nil {
		w.t.Fatalf("SaveRule: %v", err)
	}
	return saved
}

func TestSaveContactRuleAndNameDetection(t *testing.T) {
	w := newWorld(t)
	leads := w.group("Leads")
	w.rule(inbound.Rule{Name: "harga", Keywords: []string{"harga"}, Reply: "Halo {name}, harga paket 50rb",
		SaveContact: true, SaveGroups: []uint64{leads}})

	out, err := w.in.Process(inbound.Message{From: "6281211112222@s.whatsapp.net", PushName: "rina_shop",
		Text: "halo, nama saya Rina, harga paket?"})
	if err != nil {
		t.Fatal(err)
	}
	if out.Reply != "Halo rina_shop, harga paket 50rb" || out.RuleName != "harga" || !out.Created {
		t.Errorf("outcome: reply %q rule %q created %v", out.Reply, out.RuleName, out.Created)
	}
	if out.StatedName != "Rina" || out.NameOutcome != contacts.NameApplied {
		t.Errorf("name: stated %q outcome %q, want Rina applied", out.StatedName, out.NameOutcome)
	}
	page, _ := w.svc.Contacts().List(contacts.Query{GroupID: leads})
	if len(page.Items) != 1 || page.Items[0].Name != "Rina" || page.Items[0].OriginalName != "rina_shop" || page.Items[0].Phone != "6281211112222" {
		t.Fatalf("Leads: got %+v, want Rina (originally rina_shop) 6281211112222", page.Items)
	}
	log, err := w.in.Log(inbound.LogQuery{Text: "harga"})
	if err != nil || len(log) != 1 || log[0].Reply == "" {
		t.Errorf("activity log: %+v, %v", log, err)
	}
}

func TestTargetingAndRules(t *testing.T) {
	w := newWorld(t)
	vip, stop := w.group("VIP"), w.group("Berhenti")
	for _, c := range []struct {
		name, phone string
		groups      []uint64
	}{
		{"Vina", "081200000001", []uint64{vip}},
		{"Stefan", "081200000002", []uint64{stop}},
		{"Both", "081200000003", []uint64{vip, stop}},
	} {
		if _, err := w.svc.Contacts().Add(contacts.ContactInput{Name: c.name, Phone: c.phone, GroupIDs: c.groups}); err != nil {
			t.Fatal(err)
		}
	}
	w.rule(inbound.Rule{Name: "promo", Keywords: []string{"promo"}, Match: inbound.MatchStarts, Reply: "Promo untuk {name}"})
	w.rule(inbound.Rule{Name: "regex", Keywords: []string{`^ongkir\s+\d+`}, Match: inbound.MatchRegex, Reply: "Ongkir dihitung", CooldownSec: 60})
	w.rule(inbound.Rule{Name: "exact", Keywords: []string{"Pagi"}, Match: inbound.MatchExact, Reply: "Selamat pagi!"})
	if _, err := w.in.UpdateSettings(inbound.Settings{ReplyBlacklist: []uint64{stop}}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, from, text string
		group            bool
		reply, why       string
	}{
		{"starts with, accents ignored", "081200000001", "PRÓMO minggu ini?", false, "Promo untuk Vina", ""},
		{"contains is not starts", "081200000001", "ada promo?", false, "", inbound.WhyNoRule},
		{"exact, punctuation allowed", "+62 812 0000 0001", "pagi!", false, "Selamat pagi!", ""},
		{"exact needs the whole message", "081200000001", "pagi kak", false, "", inbound.WhyNoRule},
		{"regex", "081200000001", "ongkir 20 kg", false, "Ongkir dihitung", ""},
		{"cooldown", "081200000001", "ongkir 5", false, "", inbound.WhyCooldown},
		{"blacklisted", "081200000002", "promo", false, "", inbound.BlockedBlacklist},
		{"both lists block", "081200000003", "promo", false, "", inbound.BlockedBlacklist},
		{"group chat", "081200000001", "promo", true, "", inbound.WhyGroupChat},
		{"a @lid sender is never a phone", "12345678901234@lid", "promo", false, "", inbound.WhyUnresolved},
		{"unknown sender, no whitelist", "6289911112222@c.us", "promo", false, "Promo untuk ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := w.in.Process(inbound.Message{From: tt.from, Text: tt.text, Group: tt.group})
			if err != nil {
				t.Fatal(err)
			}
			if out.Reply != tt.reply || out.Why != tt.why {
				t.Errorf("got reply %q why %q, want %q %q", out.Reply, out.Why, tt.reply, tt.why)
			}
		})
	}
	// With a whitelist, a contact in both lists is a conflict and is blocked.
	if _, err := w.in.UpdateSettings(inbound.Settings{ReplyWhitelist: []uint64{vip}, ReplyBlacklist: []uint64{stop}}); err != nil {
		t.Fatal(err)
	}
	out, _ := w.in.Preview(inbound.Message{From: "081200000003", Text: "promo"})
	if out.Why != inbound.BlockedConflict || !reflect.DeepEqual(out.Targeting.Groups, []uint64{vip, stop}) {
		t.Errorf("both lists with a whitelist: got %q %v, want conflict through VIP and Berhenti", out.Why, out.Targeting.Groups)
	}
	out, _ = w.in.Preview(inbound.Message{From: "6289911112222", Text: "promo"})
	if out.Why != inbound.BlockedNotListed {
		t.Errorf("unknown sender with a whitelist: got %q, want not-whitelisted", out.Why)
	}
}

func TestPreviewWritesNothing(t *testing.T) {
	w := newWorld(t)
	leads := w.group("Leads")
	w.rule(inbound.Rule{Name: "halo", Keywords: []string{"halo"}, Reply: "Hai", SaveContact: true, SaveGroups: []uint64{leads}})
	out, err := w.in.Preview(inbound.Message{From: "081299998888", PushName: "Ani", Text: "halo nama saya Ani"})
	if err != nil || !out.Created || !out.DryRun || out.Reply != "Hai" {
		t.Fatalf("preview: %+v, %v", out, err)
	}
	if p, _ := w.svc.Contacts().List(contacts.Query{}); p.Total != 0 {
		t.Errorf("a preview saved %d contacts", p.Total)
	}
	if log, _ := w.in.Log(inbound.LogQuery{}); len(log) != 0 {
		t.Errorf("a preview wrote %d log entries", len(log))
	}
}

func TestBadRules(t *testing.T) {
	w := newWorld(t)
	tests := []struct {
		name string
		r    inbound.Rule
		code string
	}{
		{"no name", inbound.Rule{Keywords: []string{"a"}}, "rule.name.empty"},
		{"no keywords", inbound.Rule{Name: "x", Keywords: []string{" "}}, "rule.keywords.empty"},
		{"bad regex", inbound.Rule{Name: "x", Keywords: []string{"(a"}, Match: inbound.MatchRegex}, "rule.regex.invalid"},
		{"unknown mode", inbound.Rule{Name: "x", Keywords: []string{"a"}, Match: "fuzzy"}, "rule.match.invalid"},
		{"save without groups", inbound.Rule{Name: "x", Keywords: []string{"a"}, SaveContact: true}, "rule.groups.empty"},
		{"unknown rule", inbound.Rule{ID: 99, Name: "x", Keywords: []string{"a"}}, "rule.not_found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := w.in.SaveRule(tt.r); !apperr.Is(err, tt.code) {
				t.Errorf("got %v, want %s", err, tt.code)
			}
		})
	}
	if _, err := w.in.UpdateSettings(inbound.Settings{WebhookEnabled: true, WebhookPort: 8080, WebhookToken: "short"}); !apperr.Is(err, "webhook.token.weak") {
		t.Errorf("weak token: got %v", err)
	}
}

func TestRuleOrderPersists(t *testing.T) {
	w := newWorld(t)
	a := w.rule(inbound.Rule{Name: "a", Keywords: []string{"x"}, Reply: "A"})
	b := w.rule(inbound.Rule{Name: "b", Keywords: []string{"x"}, Reply: "B"})
	out, _ := w.in.Preview(inbound.Message{From: "081211112222", Text: "x"})
	if out.Reply != "A" {
		t.Fatalf("first rule wins: got %q", out.Reply)
	}
	if _, err := w.in.Reorder([]uint64{b.ID, a.ID}); err != nil {
		t.Fatal(err)
	}
	n, _ := phone.New("ID")
	again, err := inbound.New(inbound.Config{DB: w.db, Contacts: w.svc, Phones: rules{n}})
	if err != nil {
		t.Fatal(err)
	}
	out, _ = again.Preview(inbound.Message{From: "081211112222", Text: "x"})
	if out.Reply != "B" {
		t.Errorf("after reorder and reload: got %q, want B", out.Reply)
	}
}

// TestWebhookRunsThePipeline sends a gateway's message to the real webhook on 127.0.0.1
// and reads the rule's reply from the response.
func TestWebhookRunsThePipeline(t *testing.T) {
	w := newWorld(t)
	w.rule(inbound.Rule{Name: "harga", Keywords: []string{"harga"}, Reply: "Harga 50rb"})
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	token := "rahasia-panjang-sekali-123"
	if _, err := w.in.UpdateSettings(inbound.Settings{WebhookEnabled: true, WebhookPort: port, WebhookToken: token}); err != nil {
		t.Fatalf("enable webhook: %v", err)
	}
	defer w.in.Close()
	st := w.in.Webhook()
	if !st.Running {
		t.Fatalf("webhook not running: %+v", st)
	}
	body := `{"from": "6281211112222@c.us", "name": "Rina", "message": "harga paket?"}`
	req, _ := http.NewRequest("POST", "http://"+st.Address+"/webhook", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 || !strings.Contains(string(b), "Harga 50rb") {
		t.Errorf("webhook answered %d %s, want 200 with the reply", res.StatusCode, b)
	}
	if log, _ := w.in.Log(inbound.LogQuery{}); len(log) != 1 || log[0].Message.Source != "webhook" {
		t.Errorf("activity log after the webhook: %+v", log)
	}
	// Switching it off closes the port.
	if _, err := w.in.UpdateSettings(inbound.Settings{}); err != nil {
		t.Fatal(err)
	}
	if _, err := http.Post("http://"+st.Address+"/webhook", "application/json", strings.NewReader(body)); err == nil {
		t.Errorf("the webhook still answers after it was switched off")
	}
}

func TestStopWordsOptOut(t *testing.T) {
	cases := []struct {
		name, text string
		known      bool
		stop       bool
	}{
		{"plain stop", "stop", true, true},
		{"upper case and punctuation", "  STOP!! ", true, true},
		{"berhenti with a full stop", "Berhenti.", true, true},
		{"accented", "Stóp", true, true},
		{"unsubscribe", "unsubscribe", true, true},
		{"unsub in quotes", "\"unsub\"", true, true},
		{"phrase with extra blanks", "Jangan  kirim   lagi!", true, true},
		{"stop inside a sentence is not a stop word", "tolong stop dulu ya", true, false},
		{"a keyword message", "harga stop kontak?", true, false},
		{"unknown sender is not saved", "stop", false, true},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := newWorld(t)
			w.rule(inbound.Rule{Name: "any", Keywords: []string{"stop", "harga"}, Reply: "Halo"})
			from := "62812111100" + strconv.Itoa(10+i)
			var id uint64
			if c.known {
				ct, err := w.svc.Contacts().Add(contacts.ContactInput{Name: "Budi", Phone: from, Email: "b@example.com"})
				if err != nil {
					t.Fatal(err)
				}
				id = ct.ID
			}
			prev, err := w.in.Preview(inbound.Message{From: from, Text: c.text})
			if err != nil {
				t.Fatal(err)
			}
			out, err := w.in.Process(inbound.Message{From: from, Text: c.text})
			if err != nil {
				t.Fatal(err)
			}
			for _, o := range []inbound.Outcome{prev, out} {
				if got := o.Why == inbound.WhyOptOut; got != c.stop {
					t.Errorf("why %q, want opt-out %v", o.Why, c.stop)
				}
				if c.stop && o.Reply != "" {
					t.Errorf("a stop message got the reply %q", o.Reply)
				}
				if o.OptedOut != (c.stop && c.known) {
					t.Errorf("OptedOut %v, want %v", o.OptedOut, c.stop && c.known)
				}
			}
			if !c.known {
				if p, _ := w.svc.Contacts().List(contacts.Query{}); p.Total != 0 {
					t.Errorf("a stop message from an unknown sender saved %d contacts", p.Total)
				}
				return
			}
			got, err := w.svc.Contacts().Get(id)
			if err != nil {
				t.Fatal(err)
			}
			if got.OptOut != c.stop || got.Name != "Budi" || got.Email != "b@example.com" {
				t.Errorf("contact after %q: optOut %v name %q email %q", c.text, got.OptOut, got.Name, got.Email)
			}
			log, _ := w.in.Log(inbound.LogQuery{})
			if len(log) != 1 || log[0].OptedOut != (c.stop && c.known) {
				t.Errorf("log: %+v", log)
			}
		})
	}
}

func TestStopInGroupChatIsIgnored(t *testing.T) {
	w := newWorld(t)
	ct, err := w.svc.Contacts().Add(contacts.ContactInput{Name: "Budi", Phone: "6281211110000"})
	if err != nil {
		t.Fatal(err)
	}
	out, err := w.in.Process(inbound.Message{From: "6281211110000", Text: "stop", Group: true})
	if err != nil {
		t.Fatal(err)
	}
	if out.OptedOut || out.Why != inbound.WhyGroupChat {
		t.Errorf("group stop: %+v", out)
	}
	if got, _ := w.svc.Contacts().Get(ct.ID); got.OptOut {
		t.Error("a stop in a group chat opted the contact out")
	}
}

func TestReplyGreetsAStrangerByTheStatedName(t *testing.T) {
	w := newWorld(t)
	w.rule(inbound.Rule{Name: "harga", Keywords: []string{"harga"}, Reply: "Halo {name}, harga paket 100rb"})
	for _, c := range []struct{ push, want string }{
		{"", "Halo Rina, harga paket 100rb"},
		{"rina_shop", "Halo rina_shop, harga paket 100rb"},
	} {
		out, err := w.in.Preview(inbound.Message{From: "6281211112222", PushName: c.push, Text: "halo, nama saya Rina, harga paket?"})
		if err != nil {
			t.Fatal(err)
		}
		if out.Reply != c.want {
			t.Errorf("push name %q: reply %q, want %q", c.push, out.Reply, c.want)
		}
	}
}

func TestBoundDetectName(t *testing.T) {
	w := newWorld(t)
	b := w.in.Bound()
	if got, err := b.DetectName("halo, nama saya Rina"); err != nil || got != "Rina" {
		t.Errorf("DetectName = %q, %v; want Rina", got, err)
	}
	if got, _ := b.DetectName("harga berapa?"); got != "" {
		t.Errorf("DetectName of a message without a name = %q", got)
	}
	if got, err := (&inbound.Service{}).Bound().DetectName("nama saya Rina"); err != nil || got != "" {
		t.Errorf("without a detector: %q, %v", got, err)
	}
}
