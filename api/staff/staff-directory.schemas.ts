// Request and response schemas of the staff directory (/v1/staff, /v1/teams, /v1/departments,
// /v1/organisation-roles), documented for the API reference.
import { z } from '@hono/zod-openapi';
import { ROLES } from '../../domain/complaint.js';
import { emailAddressSchema, nonBlankText } from '../../domain/complaint-schemas.js';

/** A change names at least one field: an empty body (or none) changes nothing and is refused, as the document says. */
const someField = { minProperties: 1 } as const;
const namesAField = [(o: object) => Object.keys(o).length > 0, { message: 'name at least one field to change' }] as const;

/** A person's id is the staff id their API key and decisions carry (`assignee`, `actor.id`). */
const personId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9._@:-]+$/, 'expected a staff id of letters, digits and . _ @ : -')
  .meta({ description: 'Staff id, as API keys and decisions carry it', example: 'ayse.yilmaz' });

/** Team and department ids are the ones routing rules and `classify`/`assign` decisions name. */
const unitId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'expected an id of letters, digits and . _ -, like after_sales');

/** A camelCase escalation level id (`complaintsManager`); `assignee` and `teamLead` follow the complaint. */
export const ORGANISATION_LEVEL_PATTERN = /^[a-z][A-Za-z0-9]*$/;
const levelId = z
  .string()
  .max(40)
  .regex(ORGANISATION_LEVEL_PATTERN, 'expected a camelCase level id like complaintsManager')
  .refine((l) => l !== 'assignee' && l !== 'teamLead', 'assignee and teamLead follow each complaint; they are not organisation roles')
  .meta({ param: { name: 'level', in: 'path' }, description: 'Escalation level id', example: 'complaintsManager' });

const email = emailAddressSchema.meta({ example: 'ayse.yilmaz@poliser.com.tr' });
const phone = z
  .string()
  .regex(/^\+[1-9][0-9]{6,14}$/, 'expected an E.164 phone number like +905321234567')
  .meta({ example: '+905321234567' });
const language = z.enum(['tr', 'en', 'fa', 'az']).meta({ description: 'The language the person reads', example: 'tr' });
const roles = z
  .array(z.enum(ROLES))
  .max(ROLES.length)
  .refine((r) => new Set(r).size === r.length, 'lists a role twice')
  .meta({ uniqueItems: true, description: 'Staff roles (api/http/auth.ts)', example: ['agent'] });
const name = nonBlankText(200);

export const personIdParamSchema = z.object({ id: personId.meta({ param: { name: 'id', in: 'path' } }) });
export const unitIdParamSchema = z.object({
  id: unitId.meta({ param: { name: 'id', in: 'path' }, example: 'after_sales' }),
});
export const levelParamSchema = z.object({ level: levelId });

export const personCreateSchema = z
  .strictObject({
    id: personId,
    name: name.meta({ example: 'Ayşe Yılmaz' }),
    email: email.optional(),
    phone: phone.optional(),
    language: language.default('tr'),
    roles: roles.default([]),
  })
  .meta({ id: 'StaffPersonCreate', description: 'A new member of staff' });

export const personChangeSchema = z
  .strictObject({
    name: name.optional(),
    email: email.nullable().optional(),
    phone: phone.nullable().optional(),
    language: language.optional(),
    roles: roles.optional(),
    active: z.boolean().optional().meta({
      description: 'false: the person has left. They stay in history (names on past events) but receive nothing',
    }),
  })
  .refine(...namesAField)
  .meta({ id: 'StaffPersonChange', description: 'The fields to change; null clears e-mail or phone', ...someField });

export const personSchema = z
  .object({
    id: personId,
    name: z.string().meta({ example: 'Ayşe Yılmaz' }),
    email: z.string().nullable().meta({ example: 'ayse.yilmaz@poliser.com.tr' }),
    phone: z.string().nullable().meta({ example: '+905321234567' }),
    language,
    roles: z.array(z.enum(ROLES)),
    active: z.boolean().meta({ description: 'false: has left; receives nothing' }),
    teams: z.array(z.string()).meta({ description: 'Ids of the teams the person is a member of', example: ['after_sales_1'] }),
  })
  .meta({ id: 'StaffPerson' });
export const personListSchema = z.object({ people: z.array(personSchema) }).meta({ id: 'StaffPeople' });

export const peopleQuerySchema = z.object({
  role: z.enum(ROLES).optional().meta({ param: { name: 'role', in: 'query' }, description: 'Only people with this role' }),
  active: z
    .enum(['true', 'false'])
    .optional()
    .meta({ param: { name: 'active', in: 'query' }, description: 'Only active (true) or deactivated (false) people' }),
});

const teamFields = {
  name: name.meta({ example: 'After-sales 1' }),
  departmentId: unitId.nullable().meta({ description: 'The department the team belongs to', example: 'after_sales' }),
  leadId: personId.nullable().meta({ description: 'The team lead: `escalation:teamLead` for its complaints' }),
  memberIds: z
    .array(personId)
    .max(500)
    .refine((m) => new Set(m).size === m.length, 'lists a member twice')
    .meta({ uniqueItems: true, description: 'The members: `team:<id>` reaches them', example: ['ayse.yilmaz', 'mehmet.kaya'] }),
};

export const teamCreateSchema = z
  .strictObject({
    id: unitId.meta({ example: 'after_sales_1' }),
    name: teamFields.name,
    departmentId: teamFields.departmentId.default(null),
    leadId: teamFields.leadId.default(null),
    memberIds: teamFields.memberIds.default([]),
  })
  .meta({ id: 'StaffTeamCreate' });
export const teamChangeSchema = z
  .strictObject({
    name: teamFields.name.optional(),
    departmentId: teamFields.departmentId.optional(),
    leadId: teamFields.leadId.optional(),
    memberIds: teamFields.memberIds.optional(),
  })
  .refine(...namesAField)
  .meta({ id: 'StaffTeamChange', description: 'The fields to change; memberIds replaces the whole list', ...someField });
export const teamSchema = z
  .object({
    id: z.string().meta({ example: 'after_sales_1' }),
    name: z.string(),
    departmentId: z.string().nullable(),
    leadId: z.string().nullable(),
    memberIds: z.array(z.string()),
  })
  .meta({ id: 'StaffTeam' });
export const teamListSchema = z.object({ teams: z.array(teamSchema) }).meta({ id: 'StaffTeams' });

export const departmentCreateSchema = z
  .strictObject({
    id: unitId.meta({ example: 'after_sales' }),
    name: name.meta({ example: 'After-sales service' }),
    headId: personId.nullable().default(null).meta({ description: 'The head of department' }),
  })
  .meta({ id: 'StaffDepartmentCreate' });
export const departmentChangeSchema = z
  .strictObject({ name: name.optional(), headId: personId.nullable().optional() })
  .refine(...namesAField)
  .meta({ id: 'StaffDepartmentChange', ...someField });
export const departmentSchema = z
  .object({
    id: z.string().meta({ example: 'after_sales' }),
    name: z.string(),
    headId: z.string().nullable(),
    teamIds: z.array(z.string()).meta({ description: 'Its teams' }),
  })
  .meta({ id: 'StaffDepartment' });
export const departmentListSchema = z.object({ departments: z.array(departmentSchema) }).meta({ id: 'StaffDepartments' });

export const organisationRoleChangeSchema = z
  .strictObject({ personId })
  .meta({ id: 'OrganisationRoleChange', description: 'Who holds this level for the whole organisation' });
export const organisationRoleSchema = z
  .object({
    level: z.string().meta({ example: 'complaintsManager' }),
    personId: z.string(),
    name: z.string().meta({ description: "The holder's name", example: 'Zeynep Demir' }),
    active: z.boolean(),
  })
  .meta({ id: 'OrganisationRole' });
export const organisationRoleListSchema = z
  .object({ roles: z.array(organisationRoleSchema) })
  .meta({ id: 'OrganisationRoles' });

export type PersonCreate = z.infer<typeof personCreateSchema>;
export type PersonChange = z.infer<typeof personChangeSchema>;
export type Person = z.infer<typeof personSchema>;
export type TeamCreate = z.infer<typeof teamCreateSchema>;
export type TeamChange = z.infer<typeof teamChangeSchema>;
export type Team = z.infer<typeof teamSchema>;
export type DepartmentCreate = z.infer<typeof departmentCreateSchema>;
export type DepartmentChange = z.infer<typeof departmentChangeSchema>;
export type Department = z.infer<typeof departmentSchema>;
export type OrganisationRole = z.infer<typeof organisationRoleSchema>;
