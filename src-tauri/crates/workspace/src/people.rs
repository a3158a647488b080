//! The people of a client and its calendar: who owns answers and actions, and their time.

use super::{Result, Workspace};
use trustgap_domain::people::{ClientCalendar, Person, PersonInput};

impl Workspace {
    pub fn people(&self, client_id: i64) -> Result<Vec<Person>> {
        self.store.client(client_id)?;
        Ok(self.store.people(client_id)?)
    }

    pub fn add_person(&mut self, client_id: i64, input: &PersonInput) -> Result<Person> {
        Ok(self.store.add_person(client_id, input)?)
    }

    /// Changes a person; everything they own follows, since it is owned by id.
    pub fn update_person(&mut self, id: i64, input: &PersonInput) -> Result<Person> {
        Ok(self.store.update_person(id, input)?)
    }

    /// Removes a person; what they owned goes to their role, as a role nobody holds yet.
    pub fn remove_person(&mut self, id: i64) -> Result<()> {
        Ok(self.store.remove_person(id)?)
    }

    pub fn client_calendar(&self, client_id: i64) -> Result<ClientCalendar> {
        Ok(self.store.client_calendar(client_id)?)
    }

    pub fn set_client_calendar(&mut self, client_id: i64, cal: &ClientCalendar) -> Result<()> {
        Ok(self.store.set_client_calendar(client_id, cal)?)
    }
}
