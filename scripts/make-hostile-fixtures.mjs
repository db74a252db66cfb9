// Placeholder until the hostile fixture suite lands (issue 4).
