package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// The email scheme the package comment documents; cmd/puente-load builds
// the same addresses to sign in.

func netAdminEmail(n int) string { return fmt.Sprintf("admin@net%d.gen.example.org", n) }

func netCoordEmail(n int) string { return fmt.Sprintf("coordinator@net%d.gen.example.org", n) }

func personEmail(n, g, p int) string { return fmt.Sprintf("p%d@g%d.net%d.gen.example.org", p, g, n) }

// Name pools: a mix of the languages Puente's users and the people they
// sponsor speak. All fictional combinations.
var (
	firstNames = []string{
		"Ana", "Carlos", "María", "José", "Lucía", "Javier", "Sofía", "Diego", "Valentina", "Mateo",
		"Camila", "Andrés", "Isabel", "Tomás", "Elena", "Pablo", "Grace", "Daniel", "Ruth", "Samuel",
		"Margaret", "David", "Helen", "Peter", "Fatima", "Omar", "Amina", "Yusuf", "Leila", "Hassan",
		"Olena", "Mykola", "Iryna", "Andriy", "Nadia", "Karim", "Rosa", "Luis", "Chloé", "Mariam",
		"Guadalupe", "Santiago", "Beatriz", "Ignacio", "Nuria", "Hamid", "Zainab", "Teresa", "John", "Ngozi",
	}
	lastNames = []string{
		"García", "Rodríguez", "Martínez", "López", "Hernández", "González", "Pérez", "Sánchez", "Ramírez", "Torres",
		"Flores", "Rivera", "Gómez", "Díaz", "Morales", "Ortiz", "Castillo", "Romero", "Smith", "Johnson",
		"O'Brien", "Murphy", "Okafor", "Mensah", "Haddad", "Al-Sayed", "Rahimi", "Karimi", "Kovalenko", "Shevchenko",
		"Bondarenko", "Nguyen", "Tran", "Fernández", "Navarro", "Iglesias", "Vargas", "Castro", "Suárez", "Molina",
	}
	cities = []string{
		"Madrid", "Toronto", "Valencia", "Ottawa", "Sevilla", "Montréal", "Bilbao", "Winnipeg", "Zaragoza", "Halifax",
		"Málaga", "Calgary", "Granada", "Victoria", "Oviedo", "Regina",
	}
	groupPatterns = []string{
		"%s Parish Circle", "%s Neighbours", "Friends of %s", "%s Welcome Group", "%s Congregation",
		"Círculo %s", "Vecinos de %s", "%s Family Sponsors", "%s Mosque Sponsors", "%s Book Club Sponsors",
	}
	groupPlaces = []string{
		"St. Mary's", "Riverside", "Old Town", "San Andrés", "Hillcrest", "La Latina", "Maple Street", "Chamberí",
		"Lakeview", "El Carmen", "Parkdale", "Triana", "Westboro", "Gràcia", "Al-Noor", "Oakwood", "Santa Cruz",
	}
)

func personName(r *rand.Rand) string { return pick(r, firstNames) + " " + pick(r, lastNames) }

func networkName(n int) string {
	name := "Red Puente " + cities[(n-1)%len(cities)]
	if n > len(cities) {
		name += fmt.Sprintf(" %d", (n-1)/len(cities)+1)
	}
	return name
}

func groupName(r *rand.Rand) string { return fmt.Sprintf(pick(r, groupPatterns), pick(r, groupPlaces)) }

// emailSlug turns a name into the ASCII local part of an email address.
func emailSlug(name string) string {
	repl := strings.NewReplacer("á", "a", "é", "e", "í", "i", "ó", "o", "ú", "u", "ñ", "n", "à", "a", "è", "e",
		"ò", "o", "ç", "c", "Á", "a", "É", "e", "Í", "i", "Ó", "o", "Ú", "u", "'", "", "-", "", " ", ".")
	return strings.ToLower(repl.Replace(name))
}

// docIP is an address from the documentation ranges (RFC 5737, RFC 3849):
// realistic in shape, never a real person's.
func docIP(r *rand.Rand) string {
	switch r.IntN(10) {
	case 0:
		return fmt.Sprintf("2001:db8::%x", r.IntN(0xffff)+1)
	case 1, 2, 3:
		return fmt.Sprintf("198.51.100.%d", r.IntN(254)+1)
	default:
		return fmt.Sprintf("203.0.113.%d", r.IntN(254)+1)
	}
}
