// Package secret encrypts Puente's sensitive fields (A-number, exact
// address, date of birth, detention facility) with AES-256-GCM under a key
// kept in a file beside the database, never in it.
package secret

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
)

// KeySize is the key length in bytes (AES-256).
const KeySize = 32

// ErrDecrypt means a value could not be opened: a wrong key, or a value
// moved to another row or column (the additional data binds it to its place).
var ErrDecrypt = errors.New("secret: cannot decrypt (wrong key or tampered value)")

// Box seals and opens values with one key.
type Box struct {
	aead cipher.AEAD
}

// New returns a Box for a 32-byte key.
func New(key []byte) (*Box, error) {
	if len(key) != KeySize {
		return nil, fmt.Errorf("secret: key is %d bytes, want %d", len(key), KeySize)
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	return &Box{aead: aead}, nil
}

// Seal encrypts plain for the place named by aad (table, column, row id).
// The result is nonce || ciphertext.
func (b *Box) Seal(plain []byte, aad string) []byte {
	nonce := make([]byte, b.aead.NonceSize(), b.aead.NonceSize()+len(plain)+b.aead.Overhead())
	if _, err := rand.Read(nonce); err != nil {
		panic("secret: crypto/rand failed: " + err.Error())
	}
	return b.aead.Seal(nonce, nonce, plain, []byte(aad))
}

// Open decrypts a value sealed for aad.
func (b *Box) Open(sealed []byte, aad string) ([]byte, error) {
	n := b.aead.NonceSize()
	if len(sealed) < n+b.aead.Overhead() {
		return nil, ErrDecrypt
	}
	plain, err := b.aead.Open(nil, sealed[:n], sealed[n:], []byte(aad))
	if err != nil {
		return nil, ErrDecrypt
	}
	return plain, nil
}

// LoadKeyFile reads a key file: the key as base64 text on one line. With
// create, a missing file is made with a new random key and mode 0600, and
// created reports it so the caller can tell the operator to back it up.
func LoadKeyFile(path string, create bool) (key []byte, created bool, err error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) && create {
		key, err = NewKey()
		if err != nil {
			return nil, false, err
		}
		if err := WriteKeyFile(path, key); err != nil {
			return nil, false, err
		}
		return key, true, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("read key file %s: %w", path, err)
	}
	if st, err := os.Stat(path); err == nil && st.Mode().Perm()&0o077 != 0 {
		return nil, false, fmt.Errorf("key file %s is readable by others (mode %v): chmod 600 it", path, st.Mode().Perm())
	}
	key, err = base64.StdEncoding.DecodeString(strings.TrimSpace(string(data)))
	if err != nil || len(key) != KeySize {
		return nil, false, fmt.Errorf("key file %s does not hold a base64 %d-byte key", path, KeySize)
	}
	return key, false, nil
}

// NewKey returns a new random key of KeySize bytes.
func NewKey() ([]byte, error) {
	key := make([]byte, KeySize)
	if _, err := rand.Read(key); err != nil {
		return nil, err
	}
	return key, nil
}

// WriteKeyFile writes key to a new file at path (mode 0600, synced to
// disk) in the format LoadKeyFile reads. It never replaces a file.
func WriteKeyFile(path string, key []byte) error {
	if len(key) != KeySize {
		return fmt.Errorf("secret: key is %d bytes, want %d", len(key), KeySize)
	}
	text := base64.StdEncoding.EncodeToString(key) + "\n"
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("create key file %s: %w", path, err)
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		return fmt.Errorf("write key file %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
