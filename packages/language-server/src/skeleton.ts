/** The blank section and table the editor inserts: lint writes them (its rules offer them as suggestions). */
export { sectionSkeleton, tableSkeleton } from '@nianbao/lint';
