/**
 * Common given names (keys: lower case, no apostrophes). A capitalised phrase that starts
 * with one and has no organisation head word is taken for a person: "Anna Charles said".
 */
export const FIRST_NAMES = new Set(
  `aaron abdul abdullah abigail adam adrian aisha alan alastair albert alex alexander alexandra alice
  alison alistair amanda amber amelia amir amy andrea andrew andy angela angus anita ann anna anne
  annie anthony antony archie arthur asha ashley aziz barbara barry beatrice ben benjamin beth bethan
  betty bill bob brenda brian bridget bruce callum cameron carl carla carol caroline catherine charles
  charlie charlotte chloe chris christine christopher claire clare colin connor craig dan daniel
  danny darren david dawn dean deborah debbie denise dennis derek diana diane dominic donald donna
  doris dorothy douglas duncan ed eddie edward eileen elaine eleanor elizabeth ella ellie emily emma
  eric erin ethan eve faisal farah fatima fiona frances francesca frank fred freya gail gareth gary
  gavin gemma geoff geoffrey george georgia gerald gill gillian gordon grace graham hamish hannah
  harold harriet harry hassan hazel heather heidi helen henry hilary holly hugh iain ian imran ingrid
  irene isaac isabel isabella isla ivan jack jackie jacob jake james jamie jan jane janet jasmine jason
  jean jeff jennifer jenny jeremy jess jessica jill jim joan joanna joanne joe john jon jonathan jordan
  joseph josh joshua joy judith judy julia julian julie june justin karen kate katherine kathleen
  kathryn katie kay keith kelly ken kenneth kerry kevin kim kirsty laura lauren leah lee leo leon lesley
  lewis liam lily linda lindsay lisa liz lorna louise lucy luke lynn lynne maggie mahmood malcolm
  mandy marcus margaret maria marie marion mark martha martin mary matt matthew maureen max megan
  melanie mia michael michelle mike mohamed mohammed molly muhammad nadia naomi natalie nathan neil
  nicholas nick nicola nigel noah noel nora norman olivia oliver omar owen pamela patricia patrick paul
  paula pauline penny peter philip phil philippa poppy priya rachel rahul raj rajesh rebecca richard
  rita rob robert robin rohan ronald rosa rose rosemary ross roy ruby rupert ruth ryan sadiq sally
  sam samantha samira samuel sandra sara sarah saul scott sean shabana sharon sheila shirley simon
  siobhan sophia sophie stella stephanie stephen steve steven stuart sue susan suzanne tanya teresa
  terry theo thomas tim timothy tina toby tom tony tracey tracy trevor valerie vanessa victoria vikram
  vincent violet wendy william yasmin yvonne zara zoe declan mei olu rhys aoife ciaran niamh
  sinead seamus gwen dafydd ewan fergus kirsteen morag chidi ngozi tunde kemi ade femi yusuf zainab
  ayesha bilal hamza ibrahim kwame kofi ama wei li jun hui anjali deepak sunita arjun ravi nikhil`.split(/\s+/).filter(Boolean),
);
