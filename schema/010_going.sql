-- Who from the group goes with the family to a hearing or appointment
-- (issue 9: the court-day card says who is going; DOMAIN.md: the gap that
-- hurts most is an appointment with nobody assigned to go). Free text,
-- like the place: the volunteers' names or roles ("Ana, driving; Luis,
-- interpreter"), never the person sponsored's details.
ALTER TABLE appointments ADD COLUMN going TEXT NOT NULL DEFAULT '' CHECK (length(going) <= 200);
