package deadline

// Gap is a fact one or more rules count from that is not recorded, for a
// person whose deadline therefore cannot be computed: "no date of last
// arrival for D.S.R.: the one-year deadline cannot be computed". Rules ask
// for it with say_when_missing; a rule already met by its fact (an I-589
// filed) asks for nothing.
type Gap struct {
	// Trigger is the missing fact.
	Trigger Trigger
	// RuleIDs are the rules that need it, in rule-file order.
	RuleIDs []string
	// Household is set for a fact of the whole household (the arrival at
	// the sponsor's home) rather than of the person.
	Household bool
	// Sensitive is set when the missing fact is a sensitive field (the
	// date of birth): only roles that may see the field should be told
	// whether it is recorded.
	Sensitive bool
}

// Gaps lists, for one person's facts, the missing facts that rules in rs
// say must be asked for, one Gap per missing fact.
func Gaps(rs *RuleSet, f Facts) []Gap {
	var out []Gap
	at := map[Trigger]int{}
	for _, id := range rs.ids {
		r := rs.Versions(id)[0]
		if !r.SayWhenMissing || len(r.Trigger.occurrences(f)) > 0 {
			continue
		}
		if r.MetBy != "" && len(r.MetBy.events(f)) > 0 {
			continue
		}
		i, ok := at[r.Trigger]
		if !ok {
			i = len(out)
			at[r.Trigger] = i
			out = append(out, Gap{Trigger: r.Trigger, Household: r.Trigger == TriggerAddressChange,
				Sensitive: r.Trigger.Sensitive()})
		}
		out[i].RuleIDs = append(out[i].RuleIDs, id)
	}
	return out
}
