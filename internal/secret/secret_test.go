package secret

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestSealOpen(t *testing.T) {
	key := bytes.Repeat([]byte{7}, KeySize)
	b, err := New(key)
	if err != nil {
		t.Fatal(err)
	}
	sealed := b.Seal([]byte("A123456789"), "people.anumber_enc:p1")
	if bytes.Contains(sealed, []byte("A123456789")) {
		t.Fatal("sealed value contains the plain text")
	}
	got, err := b.Open(sealed, "people.anumber_enc:p1")
	if err != nil || string(got) != "A123456789" {
		t.Fatalf("Open = %q, %v; want the plain text", got, err)
	}
	// Bound to its place: the same bytes under another row do not open.
	if _, err := b.Open(sealed, "people.anumber_enc:p2"); !errors.Is(err, ErrDecrypt) {
		t.Errorf("Open under other aad: got %v, want ErrDecrypt", err)
	}
	other, _ := New(bytes.Repeat([]byte{8}, KeySize))
	if _, err := other.Open(sealed, "people.anumber_enc:p1"); !errors.Is(err, ErrDecrypt) {
		t.Errorf("Open with a wrong key: got %v, want ErrDecrypt", err)
	}
	if _, err := b.Open(sealed[:5], "x"); !errors.Is(err, ErrDecrypt) {
		t.Errorf("Open of a short value: got %v, want ErrDecrypt", err)
	}
	if a, c := b.Seal([]byte("x"), "a"), b.Seal([]byte("x"), "a"); bytes.Equal(a, c) {
		t.Error("two seals of the same value are equal: the nonce is not random")
	}
	if _, err := New([]byte("short")); err == nil {
		t.Error("New accepted a short key")
	}
}

func TestLoadKeyFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "puente.key")
	if _, _, err := LoadKeyFile(path, false); err == nil {
		t.Fatal("missing key without create: got nil error")
	}
	key, created, err := LoadKeyFile(path, true)
	if err != nil || !created || len(key) != KeySize {
		t.Fatalf("create: got %d bytes, created=%v, %v", len(key), created, err)
	}
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("key file mode: got %v, %v; want 0600", st.Mode().Perm(), err)
	}
	again, created, err := LoadKeyFile(path, true)
	if err != nil || created || !bytes.Equal(again, key) {
		t.Fatalf("reload: created=%v err=%v, same key=%v", created, err, bytes.Equal(again, key))
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := LoadKeyFile(path, true); err == nil {
		t.Error("a world-readable key file was accepted")
	}
	bad := filepath.Join(t.TempDir(), "bad.key")
	if err := os.WriteFile(bad, []byte("not base64!\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := LoadKeyFile(bad, true); err == nil {
		t.Error("a malformed key file was accepted")
	}
}
