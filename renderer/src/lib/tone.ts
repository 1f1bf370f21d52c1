/** The colour families a status chip can take; data modules (labels per state) name a tone without importing UI. */
export type ChipTone = 'amber' | 'blue' | 'green' | 'grey' | 'red' | 'purple' | 'outline';
