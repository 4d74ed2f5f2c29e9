/**
 * @module Common English given names, used only to confirm weak cues ("I'm Sarah", "Hi David")
 * and to find a "First Last" pair without a cue. Names that are also everyday words (May, Will,
 * Mark, Rose, Grant …) are left out on purpose.
 */
export const EN_GIVEN_NAMES = new Set(
  `James John Robert Michael David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony Donald Steven
Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric
Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander Frank Patrick Raymond Jack Dennis
Jerry Tyler Aaron Jose Adam Nathan Henry Douglas Zachary Peter Kyle Ethan Walter Noah Jeremy Christian Keith Roger
Terry Gerald Harold Sean Austin Carl Arthur Lawrence Dylan Jesse Jordan Bryan Billy Joe Bruce Gabriel Logan Albert
Willie Alan Juan Wayne Elijah Randy Roy Vincent Ralph Eugene Russell Bobby Mason Philip Louis Mary Patricia Jennifer
Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Margaret Sandra Ashley Kimberly Emily Donna
Michelle Carol Amanda Dorothy Melissa Deborah Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Angela Shirley
Anna Brenda Pamela Emma Nicole Helen Samantha Katherine Christine Debra Rachel Carolyn Janet Catherine Maria Heather
Diane Ruth Julie Olivia Joyce Virginia Victoria Kelly Lauren Christina Joan Evelyn Judith Megan Andrea Cheryl Hannah
Jacqueline Martha Gloria Teresa Ann Sara Madison Frances Kathryn Janice Jean Abigail Alice Judy Sophia Denise Amber
Doris Marilyn Danielle Beverly Isabella Theresa Diana Natalie Brittany Charlotte Marie Kayla Alexis Lori Sophie
Oliver Liam Lucas Leo Harry Charlie Oscar Freddie Alfie Archie Theo Isla Ava Mia Amelia Ella Grace Lily Chloe Ruby
Evie Poppy Freya Daisy Phoebe Sienna Zoe Nora Hazel Aria Layla Zoey Riley Chen Wei Yuki Hiroshi Priya Rahul Ahmed
Mohammed Fatima Aisha Omar Ali Carlos Miguel Luis Jorge Pedro Diego Sofia Lucia Elena Ana Carmen Hans Klaus Anna
Lars Sven Ingrid Astrid Pierre Jean Marc Luc Camille Giulia Marco Luca Matteo Francesca Ivan Dmitri Olga Natasha
Sergei Johannes Jonas Jane Janet Jenny Kate Katie Lucy Molly Emma Tom Tim Ben Sam Max Jake Luke Nick Alex Chris Matt Mike Dave Steve Tony Andy Adrian Colin Craig Derek Eddie Frank Gavin Ian Jamie Joel Kyle Leon Martin Neil Owen Shane Simon Stuart Trevor Victor Wesley Zoe Abby Beth Carla Claire Dana Eva Fiona Gina Holly Iris Julia Kim Leah Lena Maya Nina Paula Rosa Sandra Tara Tina Vera Wendy Tomomi Kenji Akira Sakura Hana Minh Anh Raj Arjun Deepak Sanjay Anita Sunita Kwame Amara`.split(
    /\s+/,
  ),
);

/** Capitalised words that follow "I'm"/"this is" but are not names. */
export const NOT_A_NAME = new Set(
  `The A An I It This That My Your Our Their His Her We You They He She Sorry Not Very Just Still Really So Here There
Please Thanks Thank Hello Hi Hey Dear Yes No Ok Okay Good Fine Happy Sure Calling Writing Looking Trying Going
Interested Unable Able Glad Afraid New Customer Client Support Team Service Manager Mr Mrs Ms Miss Dr Prof Sir Madam
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June July August September
October November December Street Avenue Road Card Account Order Bank Visa Mastercard Amazon Google Apple`.split(
    /\s+/,
  ),
);
