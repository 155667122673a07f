package inbound

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"kontak/backend/apperr"
)

const hookTestToken = "s3cret-token-for-tests"

// hookFake is a Handler that records what it gets and replies "ok: <text>". The text
// "panic" makes it panic and "error" makes it fail; when block is set it waits for the
// channel to close.
type hookFake struct {
	mu    sync.Mutex
	got   []Message
	block chan struct{}
}

func (f *hookFake) Handle(ctx context.Context, m Message) (string, error) {
	f.mu.Lock()
	f.got = append(f.got, m)
	block := f.block
	f.mu.Unlock()
	if block != nil {
		<-block
	}
	switch m.Text {
	case "panic":
		panic("handler bug")
	case "error":
		return "", apperr.New(apperr.Internal, "store.closed", "the store is closed")
	}
	return "ok: " + m.Text, nil
}

func (f *hookFake) setBlock(c chan struct{}) {
	f.mu.Lock()
	f.block = c
	f.mu.Unlock()
}

func (f *hookFake) messages() []Message {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]Message(nil), f.got...)
}

// hookStart starts a webhook on a free port of 127.0.0.1 and returns its base URL; the
// test stops it.
func hookStart(t *testing.T, cfg WebhookConfig, h Handler) (*Webhook, string) {
	t.Helper()
	if cfg.Token == "" {
		cfg.Token = hookTestToken
	}
	w := NewWebhook(cfg, h)
	addr, err := w.Start()
	if err != nil {
		t.Fatal(err)
	}
	if host, _, _ := net.SplitHostPort(addr); host != "127.0.0.1" {
		t.Fatalf("listening on %s, want 127.0.0.1 only", addr)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := w.Stop(ctx); err != nil {
			t.Errorf("stop: %v", err)
		}
	})
	return w, "http://" + addr
}

var hookClient = &http.Client{Timeout: 10 * time.Second}

type hookTestAnswer struct {
	status  int
	header  http.Header
	OK      bool        `json:"ok"`
	Replies []hookReply `json:"replies"`
	Code    string      `json:"code"`
	Error   string      `json:"error"`
}

// hookPost sends a request and decodes the JSON answer. token "" sends none; a header
// value "" removes that header.
func hookPost(t *testing.T, method, url, token string, body io.Reader, header map[string]string) hookTestAnswer {
	t.Helper()
	a, err := hookDo(method, url, token, body, header)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// hookDo is hookPost for goroutines other than the test's, which must not call t.Fatal.
func hookDo(method, url, token string, body io.Reader, header map[string]string) (hookTestAnswer, error) {
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		return hookTestAnswer{}, err
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	req.Header.Set("Content-Type", "application/json")
	for k, v := range header {
		if v == "" {
			req.Header.Del(k)
		} else {
			req.Header.Set(k, v)
		}
	}
	resp, err := hookClient.Do(req)
	if err != nil {
		return hookTestAnswer{}, err
	}
	defer resp.Body.Close()
	a := hookTestAnswer{status: resp.StatusCode, header: resp.Header}
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return a, err
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		return a, fmt.Errorf("%s %s: content type %q, body %q", method, url, ct, data)
	}
	if err := json.Unmarshal(data, &a); err != nil {
		return a, fmt.Errorf("%s %s: %v in %q", method, url, err, data)
	}
	return a, nil
}

// TestWebhookPayloadShapes posts every payload sample through a real HTTP client and
// checks that each message reached the handler and got its reply.
func TestWebhookPayloadShapes(t *testing.T) {
	h := &hookFake{}
	_, base := hookStart(t, WebhookConfig{}, h)
	samples, _ := filepath.Glob(filepath.Join("testdata", "payloads", "*.json"))
	if len(samples) == 0 {
		t.Fatal("no payload samples")
	}
	for _, path := range samples {
		t.Run(filepath.Base(path), func(t *testing.T) {
			body, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			want, err := ParsePayload(body)
			if err != nil {
				t.Fatal(err)
			}
			before := len(h.messages())
			a := hookPost(t, http.MethodPost, base+"/webhook", hookTestToken, bytes.NewReader(body), nil)
			if a.status != http.StatusOK || !a.OK || a.Replies == nil {
				t.Fatalf("answer %+v, want 200 ok with replies", a)
			}
			if len(a.Replies) != len(want) {
				t.Fatalf("%d replies, want %d", len(a.Replies), len(want))
			}
			got := h.messages()[before:]
			for i, m := range want {
				if r := a.Replies[i]; r.To != m.From || r.Reply != "ok: "+m.Text {
					t.Errorf("reply %d = %+v, want to %q reply %q", i, r, m.From, "ok: "+m.Text)
				}
				if got[i].From != m.From || got[i].Text != m.Text || got[i].Source != SourceWebhook {
					t.Errorf("handler got %+v, want %+v", got[i], m)
				}
			}
		})
	}
}

func TestWebhookAuth(t *testing.T) {
	h := &hookFake{}
	_, base := hookStart(t, WebhookConfig{}, h)
	body := `{"from": "081211112222", "message": "halo"}`
	tests := []struct {
		name   string
		path   string
		header map[string]string
		want   int
	}{
		{"bearer", "/webhook", map[string]string{"Authorization": "Bearer " + hookTestToken}, 200},
		{"bearer in lower case", "/webhook", map[string]string{"Authorization": "bearer " + hookTestToken}, 200},
		{"header", "/webhook", map[string]string{"X-Kontak-Token": hookTestToken}, 200},
		{"query", "/webhook?token=" + hookTestToken, nil, 200},
		{"query on the root", "/?token=" + hookTestToken, nil, 200},
		{"query on an event path", "/webhook/messages-upsert?token=" + hookTestToken, nil, 200},
		{"a wrong one beside the right one", "/webhook?token=" + hookTestToken, map[string]string{"X-Kontak-Token": "nope"}, 200},
		{"none", "/webhook", nil, 401},
		{"wrong bearer", "/webhook", map[string]string{"Authorization": "Bearer nope"}, 401},
		{"bearer with the token as a prefix", "/webhook", map[string]string{"Authorization": "Bearer " + hookTestToken + "x"}, 401},
		{"bearer cut short", "/webhook", map[string]string{"Authorization": "Bearer " + hookTestToken[:5]}, 401},
		{"basic scheme", "/webhook", map[string]string{"Authorization": "Basic " + hookTestToken}, 401},
		{"token without a scheme", "/webhook", map[string]string{"Authorization": hookTestToken}, 401},
		{"empty bearer", "/webhook", map[string]string{"Authorization": "Bearer "}, 401},
		{"wrong header", "/webhook", map[string]string{"X-Kontak-Token": "nope"}, 401},
		{"wrong query", "/webhook?token=nope", nil, 401},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := len(h.messages())
			a := hookPost(t, http.MethodPost, base+tt.path, "", strings.NewReader(body), tt.header)
			if a.status != tt.want {
				t.Fatalf("status %d (%+v), want %d", a.status, a, tt.want)
			}
			called := len(h.messages()) > before
			if called != (tt.want == 200) {
				t.Errorf("handler called: %t", called)
			}
			if tt.want == 401 && (a.OK || a.Code != "webhook.unauthorized" || a.header.Get("WWW-Authenticate") == "") {
				t.Errorf("answer %+v, want webhook.unauthorized with a WWW-Authenticate header", a)
			}
		})
	}
}

func TestWebhookBadRequests(t *testing.T) {
	h := &hookFake{}
	const maxBody = 1 << 10
	_, base := hookStart(t, WebhookConfig{MaxBody: maxBody}, h)
	good := `{"from": "081211112222", "message": "halo"}`
	big := `{"from": "081211112222", "message": "` + strings.Repeat("x", 2*maxBody) + `"}`
	tests := []struct {
		name     string
		method   string
		path     string
		body     io.Reader
		header   map[string]string
		want     int
		wantCode string
	}{
		{"GET", http.MethodGet, "/webhook", nil, nil, 405, "webhook.method"},
		{"PUT", http.MethodPut, "/webhook", strings.NewReader(good), nil, 405, "webhook.method"},
		{"another path", http.MethodPost, "/api/send", strings.NewReader(good), nil, 404, "webhook.not_found"},
		{"a path that only starts like the webhook", http.MethodPost, "/webhooks", strings.NewReader(good), nil, 404, "webhook.not_found"},
		{"bad JSON", http.MethodPost, "/webhook", strings.NewReader(`{"from": `), nil, 400, CodeWebhookPayloadInvalid},
		{"unknown shape", http.MethodPost, "/webhook", strings.NewReader(`{"hello": 1}`), nil, 400, CodeWebhookPayloadInvalid},
		{"empty body", http.MethodPost, "/webhook", strings.NewReader(""), nil, 400, CodeWebhookPayloadInvalid},
		{"form upload", http.MethodPost, "/webhook", strings.NewReader(good), map[string]string{"Content-Type": "multipart/form-data; boundary=x"}, 415, "webhook.content_type"},
		{"no content type", http.MethodPost, "/webhook", strings.NewReader(good), map[string]string{"Content-Type": ""}, 200, ""},
		{"JSON sent as a form, as curl -d does", http.MethodPost, "/webhook", strings.NewReader(good), map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, 200, ""},
		{"text/plain", http.MethodPost, "/", strings.NewReader(good), map[string]string{"Content-Type": "text/plain"}, 200, ""},
		{"too large, with a length", http.MethodPost, "/webhook", strings.NewReader(big), nil, 413, "webhook.too_large"},
		// io.MultiReader hides the length, so the client sends the body in chunks and
		// only reading it finds the size.
		{"too large, chunked", http.MethodPost, "/webhook", io.MultiReader(strings.NewReader(big)), nil, 413, "webhook.too_large"},
		{"just small enough, chunked", http.MethodPost, "/webhook", io.MultiReader(strings.NewReader(good + strings.Repeat(" ", maxBody-len(good)))), nil, 200, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := len(h.messages())
			a := hookPost(t, tt.method, base+tt.path, hookTestToken, tt.body, tt.header)
			if a.status != tt.want || a.Code != tt.wantCode {
				t.Fatalf("answer %+v, want %d %q", a, tt.want, tt.wantCode)
			}
			if tt.want != 200 && (a.OK || a.Error == "" || len(h.messages()) != before) {
				t.Errorf("answer %+v: want ok false, an error message and no call to the handler", a)
			}
			if tt.want == 405 && a.header.Get("Allow") != http.MethodPost {
				t.Errorf("Allow = %q, want POST", a.header.Get("Allow"))
			}
		})
	}
}

// TestWebhookHandlerFailures checks that a failing or panicking handler costs one 500 and
// that the server keeps serving.
func TestWebhookHandlerFailures(t *testing.T) {
	h := &hookFake{}
	_, base := hookStart(t, WebhookConfig{}, h)
	for i := range 3 {
		for _, text := range []string{"panic", "error"} {
			a := hookPost(t, http.MethodPost, base+"/webhook", hookTestToken,
				strings.NewReader(`{"from": "0812", "message": "`+text+`"}`), nil)
			if a.status != http.StatusInternalServerError || a.OK || a.Error == "" {
				t.Fatalf("round %d, %s: answer %+v, want 500", i, text, a)
			}
			if strings.Contains(a.Error, "handler bug") || strings.Contains(a.Error, "store is closed") {
				t.Errorf("the answer shows the internal error: %q", a.Error)
			}
		}
		a := hookPost(t, http.MethodPost, base+"/webhook", hookTestToken, strings.NewReader(`{"from": "0812", "message": "halo"}`), nil)
		if a.status != http.StatusOK || len(a.Replies) != 1 || a.Replies[0].Reply != "ok: halo" {
			t.Fatalf("round %d: answer after the failures %+v, want 200", i, a)
		}
	}
}

// TestWebhookFlood sends a bounded burst far above the rate limit: some requests are
// refused with 429, none fails otherwise, and after a pause the webhook answers again.
func TestWebhookFlood(t *testing.T) {
	h := &hookFake{}
	_, base := hookStart(t, WebhookConfig{}, h) // the defaults: 20 a second, 40 at once
	const workers, each = 4, 50
	var mu sync.Mutex
	counts := map[int]int{}
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for range each {
				req, _ := http.NewRequest(http.MethodPost, base+"/webhook", strings.NewReader(`{"from": "0812", "message": "flood"}`))
				req.Header.Set("X-Kontak-Token", hookTestToken)
				resp, err := hookClient.Do(req)
				status := -1
				if err == nil {
					_, _ = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					status = resp.StatusCode
					if status == http.StatusTooManyRequests && resp.Header.Get("Retry-After") == "" {
						status = -2
					}
				}
				mu.Lock()
				counts[status]++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if counts[200]+counts[429] != workers*each || counts[429] == 0 || counts[200] < DefaultWebhookBurst {
		t.Fatalf("statuses %v: want only 200 and 429 (with Retry-After), some 429, and at least a burst of 200", counts)
	}
	if got := len(h.messages()); got != counts[200] {
		t.Errorf("handler got %d messages, want one per 200 (%d)", got, counts[200])
	}
	time.Sleep(300 * time.Millisecond) // about 6 tokens come back at 20 a second
	a := hookPost(t, http.MethodPost, base+"/webhook", hookTestToken, strings.NewReader(`{"from": "0812", "message": "after"}`), nil)
	if a.status != http.StatusOK || a.Replies[0].Reply != "ok: after" {
		t.Fatalf("answer after the flood %+v, want 200", a)
	}
}

// TestWebhookRateLimitsBadTokens checks that the limit also holds for requests with a
// wrong token, so that nobody can try tokens at full speed.
func TestWebhookRateLimitsBadTokens(t *testing.T) {
	h := &hookFake{}
	_, base := hookStart(t, WebhookConfig{RatePerSecond: 1, Burst: 3}, h)
	var statuses []int
	for range 6 {
		a := hookPost(t, http.MethodPost, base+"/webhook", "wrong", strings.NewReader(`{}`), nil)
		statuses = append(statuses, a.status)
	}
	if fmt.Sprint(statuses[:3]) != "[401 401 401]" || statuses[5] != http.StatusTooManyRequests {
		t.Errorf("statuses %v, want three 401 and then 429", statuses)
	}
}

func TestWebhookStartStop(t *testing.T) {
	h := &hookFake{}
	w, base := hookStart(t, WebhookConfig{}, h)
	if _, err := w.Start(); !apperr.Is(err, CodeWebhookRunning) {
		t.Errorf("second Start: %v, want %s", err, CodeWebhookRunning)
	}
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(base, "http://"))
	p, _ := strconv.Atoi(port)
	other := NewWebhook(WebhookConfig{Port: p, Token: hookTestToken}, h)
	_, err := other.Start()
	var e *apperr.Error
	if !errors.As(err, &e) || e.Kind != apperr.Invalid || e.Code != CodeWebhookPortBusy || e.Params["port"] != port {
		t.Fatalf("Start on a busy port: %#v, want Invalid %s with the port", err, CodeWebhookPortBusy)
	}
	if err := other.Stop(context.Background()); err != nil {
		t.Errorf("Stop of a webhook that never started: %v", err)
	}

	// Stop waits for the request being served, then the port is closed.
	block := make(chan struct{})
	h.setBlock(block)
	done := make(chan hookTestAnswer)
	go func() {
		a, err := hookDo(http.MethodPost, base+"/webhook", hookTestToken, strings.NewReader(`{"from": "0812", "message": "slow"}`), nil)
		if err != nil {
			a.Error = err.Error()
		}
		done <- a
	}()
	for len(h.messages()) == 0 {
		time.Sleep(5 * time.Millisecond)
	}
	stopped := make(chan error)
	go func() { stopped <- w.Stop(context.Background()) }()
	time.Sleep(50 * time.Millisecond)
	close(block)
	if a := <-done; a.status != http.StatusOK || a.Replies[0].Reply != "ok: slow" {
		t.Errorf("request in flight during Stop: %+v, want 200", a)
	}
	if err := <-stopped; err != nil {
		t.Fatalf("Stop: %v", err)
	}
	h.setBlock(nil)
	if resp, err := hookClient.Post(base+"/webhook", "application/json", strings.NewReader(`{}`)); err == nil {
		resp.Body.Close()
		t.Fatalf("the webhook still answers after Stop: %s", resp.Status)
	}
	if err := w.Stop(context.Background()); err != nil {
		t.Errorf("second Stop: %v", err)
	}

	// A stopped webhook starts again, here on the port it had.
	again := NewWebhook(WebhookConfig{Port: p, Token: hookTestToken}, h)
	if _, err := again.Start(); err != nil {
		t.Fatalf("Start on the freed port: %v", err)
	}
	a := hookPost(t, http.MethodPost, base+"/webhook", hookTestToken, strings.NewReader(`{"from": "0812", "message": "again"}`), nil)
	if a.status != http.StatusOK {
		t.Errorf("answer after restart %+v", a)
	}
	if err := again.Stop(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func TestWebhookStartRefuses(t *testing.T) {
	tests := []struct {
		name string
		cfg  WebhookConfig
		code string
	}{
		{"no token", WebhookConfig{Port: 0}, CodeWebhookTokenMissing},
		{"negative port", WebhookConfig{Port: -1, Token: hookTestToken}, CodeWebhookPortInvalid},
		{"port above 65535", WebhookConfig{Port: 70000, Token: hookTestToken}, CodeWebhookPortInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := NewWebhook(tt.cfg, &hookFake{})
			addr, err := w.Start()
			if !apperr.Is(err, tt.code) || apperr.KindOf(err) != apperr.Invalid {
				_ = w.Stop(context.Background())
				t.Fatalf("Start = %q, %v; want %s", addr, err, tt.code)
			}
		})
	}
}

func TestHookBucket(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	b := newHookBucket(2, 3, func() time.Time { return now })
	steps := []struct {
		advance time.Duration
		want    bool
	}{
		{0, true}, {0, true}, {0, true}, // the burst
		{0, false},
		{250 * time.Millisecond, false}, // half a token
		{250 * time.Millisecond, true},  // a whole one
		{0, false},
		{-time.Hour, false},      // a clock that goes back gives nothing
		{10 * time.Second, true}, // refilled, but only up to the burst
		{0, true}, {0, true}, {0, false},
	}
	for i, s := range steps {
		now = now.Add(s.advance)
		if got := b.allow(); got != s.want {
			t.Fatalf("step %d (+%v): allow = %t, want %t", i, s.advance, got, s.want)
		}
	}
}
