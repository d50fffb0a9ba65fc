//! The plan document: one serde type that holds a whole plan. (Placeholder until issue 3 lands.)

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub title: String,
}

impl Plan {
    pub fn example() -> Plan {
        Plan { title: "Example: Northfield IPS team (fictional)".into() }
    }
}
