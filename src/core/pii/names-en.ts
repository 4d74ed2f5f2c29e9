/**
 * @module Given names and surnames for Latin-script person names, authored for Tidedesk (common
 * names in English-speaking, European and other countries). Used to confirm weak cues ("I'm
 * Sarah", "Hi David"), to find "First Last" pairs and single given names without a cue, and to
 * accept "Unknown-first Known-surname" pairs. Names that are also everyday words (May, Will, Mark,
 * Rose, Grant …) are left out; names that are also places (Austin, Madison, Paris …) only count
 * with a surname after them.
 */

const GIVEN = `
Aaron Abigail Ada Adam Adrian Adriana Agnes Ahmed Aidan Aiden Aisha Alan Albert Alberto Alejandro Aleksandra
Alessandro Alex Alexa Alexander Alexandra Alexis Alfie Alfred Ali Alice Alicia Alina Alison Alistair Alma Amanda
Amara Amelia Amir Amy Ana Anastasia Anders Andrea Andreas Andrei Andrew Andy Angela Angelica Angelo Anita Ann Anna
Annabelle Anne Annette Annika Anthony Antoine Anton Antonio Anya Archie Aria Ariana Ariel Arjun Arnold Arthur Arvid
Asha Ashley Astrid Audrey Aurora Ava Axel Barbara Beatrice Beatriz Ben Benjamin Bernard Bernd Beth Bethany Betty
Bianca Birgit Bjorn Björn Blake Boris Brad Bradley Brandon Brenda Brendan Brian Bridget Brittany Brooke
Bruce Bruno Bryan Caitlin Caleb Cameron Camila Camille Carl Carla Carlos Carmen Carol Caroline Carolyn Casey
Catalina Catherine Cecilia Celine Charles Charlie Charlotte Chiara Chloe Chris Christian Christina Christine
Christoph Christopher Claire Clara Claudia Claus Colin Connor Constance Cora Craig Cristina Cynthia Dagmar Daisy
Damian Dan Dana Daniel Daniela Danielle Daria Darius Darren Dave David Dean Debbie Deborah Debra Deepak Denis
Denise Dennis Derek Diana Diane Diego Dmitri Dmitry Dominic Dominik Donald Donna Doris Dorothy Douglas Duncan Dylan
Ebba Eddie Edgar Edith Edward Edwin Eileen Elaine Elena Eleanor Eli Elias Elif Elijah Elin Elisa Elisabeth Elise
Eliza Elizabeth Ella Ellen Ellie Elliot Elsa Emil Emilia Emilie Emily Emma Emmanuel Enrique Enzo Eric Erik Erika
Erin Ernest Esther Ethan Eugene Eva Evan Evelyn Evie Ewan Fabian Farah Fatima Felix Fernando Filip Finn Fiona
Florian Frances Francesca Francesco Francis Francisco Frank Franz Freddie Frederick Freya Frida Gabriel Gabriela
Gabrielle Gareth Gary Gavin Gemma Geoffrey George Georgina Gerald Gerard Gerhard Gianni Gina Giorgio Giovanni
Gisela Giulia Giuseppe Gloria Gordon Grace Graham Gregory Greta Gustav Gwen Hailey Hamza Hana Hannah Hans Harald
Harold Harriet Harry Harvey Hassan Hazel Heather Hector Heidi Heinrich Helen Helena Helga Henrik Henry Herbert Hilda
Hiroshi Holly Hugo Ian Ibrahim Ida Igor Ilse Imogen Ines Ingrid Irene Iris Isaac Isabel Isabella Isabelle Isla
Ivan Jack Jackson Jacob Jacqueline Jade Jake James Jamie Jan Jana Jane Janet Janice Jasmine Jason Javier Jean
Jeffrey Jenna Jennifer Jenny Jeremy Jerome Jessica Jim Jimmy Joan Joanna Joanne Jochen Joe Joel Johan Johann
Johanna Johannes John Johnny Jon Jonas Jonathan Jordi Jorge Jose Josef Joseph Josephine Josh Joshua Josie Joyce
Juan Judith Judy Julia Julian Juliana Julie Julien Juliet Jurgen Justin Kamal Karen Karim Karin Karl
Karla Kasper Kate Katharina Katherine Kathleen Kathryn Katie Katja Katrin Kayla Keith Kelly Ken Kenji Kenneth
Kevin Kim Kimberly Kirsten Klaus Kristian Kristina Krzysztof Kurt Kyle Lara Lars Laura Lauren Laurence Leah Lena
Leo Leon Leonardo Leonie Lewis Liam Lilian Lillian Lily Lina Linda Lindsay Lisa Liv Logan Lorenzo Louis Louise
Luca Lucas Lucia Lucy Luigi Luis Lukas Luke Lydia Madeline Magdalena Magnus Maja Malik Manuel Marc Marcel
Marco Marcus Margaret Margarita Maria Mariana Marie Marina Mario Marion Marta Martha Martin Martina Mary Mason
Mateo Mathias Matilda Matt Matteo Matthew Matthias Maureen Maurice Max Maxim Maximilian Maya Megan Mehmet Melanie
Melissa Mia Michael Michaela Michel Michelle Miguel Mikael Mike Mikhail Mila Milan Miriam Mohammed
Molly Monica Monika Morgan Muhammad Nadia Naomi Natalia Natalie Natasha Nathan Nathalie Neil Nicholas Nick Nicola
Nicolas Nicole Niklas Nikolai Nils Nina Noah Noel Nora Norbert Norma Oliver Olivia Olga Omar Oscar Oskar Otto Owen
Pablo Pamela Paola Pascal Patricia Patrick Paul Paula Pauline Pedro Peter Petra Philip Philippe Phoebe Pierre
Piotr Priya Rachel Rafael Rahul Raj Ralph Ramon Randy Raphael Raquel Rebecca Regina Renata Rene Ricardo
Richard Riley Rita Robert Roberta Roberto Robin Rodrigo Roger Roland Roman Ronald Rosa Rosalind Ross Roy Ruben
 Ruth Ryan Sabine Sabrina Sakura Sally Samantha Samuel Sandra Sanjay Sara Sarah Sascha Scott Sean Sebastian
Selma Sergei Sergio Seth Shane Sharon Sheila Shirley Simon Simone Sofia Sonia Sophia Sophie Stefan Stefanie
Stella Stephanie Stephen Steve Steven Stuart Sunita Susan Susanne Svetlana Sven Sylvia Tamara Tanja Tanya Tara
Teresa Terry Thea Theo Theodore Theresa Thomas Tilly Tim Timothy Tina Tobias Todd Tom Tomas Tomasz Tony
Tracy Travis Trevor Tyler Ulrich Ulrike Ursula Valentina Valerie Vanessa Vera Veronica Victor Vincent
Viktor Vincenzo Virginia Vivian Vladimir Walter Wei Wendy Werner Wesley William Wolfgang Xavier Yasmin
Yuki Yusuf Yvonne Zachary Zoe Zofia Zoltan Mohamed 
 Matthias Erik 
`;

/** Given names that are also places or brands: they count only in a "First Last" pair. */
const PAIR_ONLY = `
Austin Madison Lincoln Washington Jordan Dallas Sydney Brooklyn Phoenix Chelsea Paris Florence Victoria Georgia
Carolina Virginia Chase Mercedes Dell Tesla Jersey Kent Devon Orlando Denver Houston Regina Sierra Savannah Aurora
Eden Chester Cleveland Warren Milan Lourdes Camden Hamilton Preston Stanley Sterling Winston Troy Harper Hunter
Mason Carter Taylor Morgan Parker Cooper Spencer Tucker Reed Bailey Riley Max Jack Ken Kim Jan Dean Ross Roy Gary
`;

const SURNAMES = `
Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson Anderson
Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker Young
Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter
Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers
Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks Chavez
Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long Ross Foster Jimenez
Powell Jenkins Perry Russell Sullivan Bell Coleman Butler Henderson Barnes Gonzales Fisher Vasquez Simmons Romero
Jordan Patterson Alexander Hamilton Graham Reynolds Griffin Wallace Moreno West Cole Hayes Bryant Herrera Gibson
Ellis Tran Medina Aguilar Stevens Murray Ford Castro Marshall Owens Harrison Fernandez McDonald Woods Washington
Kennedy Wells Vargas Henry Chen Freeman Webb Tucker Guzman Burns Crawford Olson Simpson Porter Hunter Gordon Mendez
Silva Shaw Snyder Mason Dixon Munoz Hunt Hicks Holmes Palmer Wagner Black Robertson Boyd Rose Stone Salazar Fox
Warren Mills Meyer Rice Schmidt Garza Daniels Ferguson Nichols Stephens Soto Weaver Ryan Gardner Payne Grant Dunn
Kelley Spencer Hawkins Arnold Pierce Hansen Peters Santos Hart Bradley Knight Elliott Cunningham Duncan Armstrong
Hudson Carroll Lane Riley Andrews Ray Berry Perkins Hoffman Johnston Matthews Pena Richards Contreras Willis
Carpenter Lawrence Sandoval Guerrero George Chapman Rios Estrada Ortega Watkins Greene Nunez Wheeler Valdez Harper
Burke Larson Santiago Maldonado Morrison Franklin Carlson Austin Dominguez Carr Lawson Jacobs Obrien Lynch Singh
Vega Bishop Montgomery Oliver Jensen Harvey Williamson Gilbert Dean Sims Espinoza Howell Li Wong Reid Hanson Le
McCoy Garrett Burton Fuller Wang Weber Welch Rojas Lucas Marquez Fields Park Yang Little Banks Padilla Day Walsh
Bowman Schultz Luna Fowler Mejia Davidson Acosta Brewer May Holland Juarez Newman Pearson Curtis Cortez Douglas
Schneider Joseph Barrett Navarro Figueroa Keller Avila Wade Molina Stanley Hopkins Campos Barnett Bates Chambers
Caldwell Beck Lambert Miranda Byrd Craig Ayala Lowe Frazier Powers Neal Leonard Gregory Carrillo Sutton Fleming
Rhodes Shelton Schwartz Norris Jennings Watts Duran Walters Cohen McDaniel Moran Parks Steele Vaughn Becker Holt
Deleon Barker Terry Hale Leon Hail Benson Haynes Horton Miles Lyons Pham Graves Bush Thornton Wolfe Warner Cabrera
Mckinney Mann Zimmerman Dawson Lara Fletcher Page McCarthy Love Robles Cervantes Solis Erickson Reeves Chang Klein
Salinas Fuentes Baldwin Daniel Simon Velasquez Hardy Higgins Aguirre Lin Cummings Chandler Sharp Barber Bowen
Ochoa Dennis Robbins Liu Ramsey Francis Griffith Paul Blair Oconnor Cardenas Pacheco Cross Calderon Quinn Moss
Swanson Chan Rivas Khan Rodgers Serrano Fitzgerald Rosales Stevenson Christensen Manning Gill Curry McLaughlin
Harmon McGee Gross Doyle Garner Newton Burgess Reese Walton Blake Trujillo Adkins Brady Goodman Roman Webster
Goodwin Fischer Huang Potter Delacruz Montoya Todd Wu Hines Mullins Castaneda Malone Cannon Tate Mack Sherman Hubbard
Hodges Zhang Guerra Wolf Valencia Saunders Franco Rowe Gallagher Farmer Hammond Hampton Townsend Ingram Wise Gallegos
Clarke Barton Schroeder Maxwell Waters Logan Camacho Strickland Norman Person Colon Parsons Frank Harrington Glover
Osborne Buchanan Casey Floyd Patton Ibarra Ball Tyler Suarez Bowers Orozco Salas Cobb Gibbs Andrade Bauer Conner
Moody Escobar McGuire Lloyd Mueller Hartman French Kramer McBride Pope Lindsey Velazquez Norton McCormick Sparks
Flynn Yates Hogan Marsh Macias Villanueva Zamora Pratt Stokes Owen Ballard Lang Brock Villarreal Charles Drake
Barrera Cain Patrick Pineda Burnett Mercado Santana Shepherd Bautista Ali Shaffer Lamb Trevino McKenzie Hess Beil
Schwarz Nicholson Hughes Schmitt Koch Richter Neumann Schulz Zimmermann Braun Kruger Hofmann Hartmann Lange
Werner Krause Lehmann Maier Köhler Jung Möller Berger Fuchs Vogel Keller Roth Frank Beck Lorenz Baumann Franke
Albrecht Schuster Simon Böhm Winter Kraus Martin Schumacher Vogt Stein Jäger Otto Sommer Groß Seidel Heinrich Brandt
Haas Schreiber Graf Dietrich Ziegler Kuhn Kühn Pohl Engel Horn Busch Bergmann Thomas Voigt Sauer Arnold Wolff
Pfeiffer Dubois Durand Lefebvre Leroy Moreau Laurent Girard Bonnet Dupont Lambert Fontaine Rousseau Vincent Muller
Fournier Morel Mercier Blanc Guerin Boyer Garnier Chevalier Francois Legrand Gauthier Perrin Robin Clement Morin
Nicolas Henry Roussel Mathieu Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo
Conti DeLuca Mancini Costa Giordano Rizzo Lombardi Moretti Barbieri Fontana Santoro Mariani Rinaldi Caruso Ferrara
Galli Martini Longo Gentile Martinelli Vitale Lombardo Serra Coppola DeSantis Marchetti Parisi Villa Conte
Ferraro Ferri Fabbri Bianco Marini Grasso Valentini Messina Sala DeAngelis Gatti Pellegrini Palumbo Sanna Farina
Rizzi Monti Cattaneo Morelli Amato Silvestri Mazza Testa Grassi Pellegrino Carbone Giuliani Benedetti Barone Rossetti
Caputo Montanari Guerra Palmieri Bernardi Martino Fiore DeRosa Ferretti Bellini Basile Riva Donati Piras Vitali
Battaglia Sartori Neri Costantini Milani Pagano Ruggiero Sorrentino DAngelo Orlando Damico Bassi Villani Marchi
Hansen Johansen Olsen Larsen Andersen Pedersen Nielsen Kristiansen Jensen Karlsen Johnsen Pettersen Eriksen
Berg Haugen Hagen Johannessen Andreassen Jacobsen Dahl Jørgensen Halvorsen Henriksen Lund Sørensen Jakobsen Moen
Gundersen Iversen Strand Solberg Svendsen Eide Knutsen Martinsen Paulsen Bakken Kristoffersen Mathisen Lie Amundsen
Nguyen Lund Lindqvist Lindberg Nyberg Holm Lundberg Bergström Johansson Karlsson
Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson Pettersson Jonsson Jansson Hansson Bengtsson Jönsson
Carlsson Petersson Lindgren Axelsson Jakobsson Berglund Sandberg Lindström Mattsson Forsberg Sjöberg Wallin Engström
Danielsson Lundqvist Håkansson Björk Bergman Fransson Holmberg Nyström Lundin Kowalski Nowak Wiśniewski Wójcik
Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak Dąbrowski Kozłowski Jankowski Mazur Kwiatkowski Krawczyk
 Piotrowski Grabowski Novak Svoboda Novotný Dvořák Černý Procházka Kučera Veselý Horák Němec Pokorný
Marek Pospíšil Hájek Jelínek Král Růžička Beneš Fiala Sedláček Doležal Zeman Kolář Navrátil Čermák Vaněk Urban
Nagy Kovács Tóth Szabó Horváth Varga Kiss Molnár Németh Farkas Balogh Papp Takács Juhász Lakatos Mészáros Oláh
Simon Rácz Fekete Petrov Ivanov Smirnov Kuznetsov Popov Vasiliev Sokolov Mikhailov Novikov Fedorov
Morozov Volkov Alekseev Lebedev Semenov Egorov Pavlov Kozlov Stepanov Nikolaev Orlov Andreev Makarov Zakharov
 Dawson Souza Almeida
 Rossi Pratt Gomez Lundberg 
Silva Santos Oliveira Souza Rodrigues Ferreira Alves Pereira Lima Gomes Ribeiro Carvalho Almeida Lopes Soares
Fernandes Vieira Barbosa Rocha Dias Nascimento Andrade Moreira Nunes Marques Machado Mendes Freitas Cardoso Ramos
Gonçalves Santana Teixeira Tanaka Suzuki Takahashi Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada
Sasaki Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu Yamazaki Mori Abe Ikeda Hashimoto Ishikawa Sato
Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song Yoo Hong Chen Wang Li Zhang Liu
Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Luo Zheng Liang Xie Tang Patel Shah Singh Kumar Sharma Gupta
Mehta Reddy Rao Iyer Nair Khan Ahmed Hassan Hussain Rahman Ali Ibrahim Mahmoud Mustafa Abdullah Yilmaz Kaya Demir
Sahin Celik Yildiz Yildirim Ozturk Aydin Ozdemir Arslan Dogan Kilic Aslan Cetin Kara Koc Kurt Ozkan 
 Nicholson Ryan Walsh Doe Wu
`;

const words = (s: string) => s.split(/\s+/).filter((w) => w !== '');

export const EN_PAIR_ONLY_NAMES = new Set(words(PAIR_ONLY));
/** Given names that can stand alone (not ambiguous with places or brands). */
export const EN_GIVEN_NAMES = new Set(words(GIVEN));
export const EN_SURNAMES = new Set(words(SURNAMES));

/** Capitalised words that follow "I'm"/"this is" but are not names. */
export const NOT_A_NAME = new Set(
  words(`The A An I It This That My Your Our Their His Her We You They He She Sorry Not Very Just Still Really So Here There
Please Thanks Thank Hello Hi Hey Dear Yes No Ok Okay Good Fine Happy Sure Calling Writing Looking Trying Going
Interested Unable Able Glad Afraid New Customer Client Support Team Service Manager Mr Mrs Ms Miss Dr Prof Sir Madam
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June July August September
October November December Street Avenue Road Card Account Order Bank Visa Mastercard Amazon Google Apple Urgent
Billing Shipping Name Phone Address Email User Bot Agent Admin Unit Suite Apt Apartment Box North South East West`),
);
