// The evidence area's two screens, imported together so that the area is one chunk: what they
// share (the drop zone, the adder, the contract's evidence limits) stays out of the chunk that
// every area loads.
export { CaseEvidenceScreen } from '../areas/evidence/case-evidence-screen';
export { EvidenceScreen } from '../areas/evidence/evidence-screen';
