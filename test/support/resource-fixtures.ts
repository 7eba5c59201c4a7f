// Forms and training in tests (BK-6): documents published as staff would (through the services,
// with a staff user made for it), and a user's SEP training completed through the API.
import { publishResource } from '../../src/server/features/resources/staff-resources.service.ts';
import { storeDocument } from '../../src/server/features/uploads/uploads.service.ts';
import type { TResourceDetails, TSepTraining, TStaffResource } from '../../src/shared/resource-schemas.ts';
import { ZPublishResource } from '../../src/shared/resource-schemas.ts';
import { createStaff, type TClient, type TFixtureUser } from './admin-fixtures.ts';
import type { TTestApp } from './app.ts';
import { samplePdf } from './upload-fixtures.ts';

const publishers = new WeakMap<TTestApp, Promise<TFixtureUser>>();

/** Publishes a PDF as a producer-services user of the app (made once); `uploadId` is filled in. */
export async function publishAsStaff(t: TTestApp, input: TResourceDetails, file = { name: `${input.title}.pdf`, bytes: samplePdf() }): Promise<TStaffResource> {
  let publisher = publishers.get(t);
  if (!publisher) {
    publisher = createStaff(t, 'producer-services');
    publishers.set(t, publisher);
  }
  const staff = await publisher;
  const actor = { id: staff.id, username: staff.username, portalId: 'staff' as const, role: 'producer-services' as const, producerId: null, groupId: null };
  const upload = await storeDocument(t.deps, { ...file, userId: staff.id });
  return publishResource(t.deps, { actor }, ZPublishResource.parse({ ...input, uploadId: upload.id }));
}

/** The client's user completes the plan year's SEP course (published first if the portal has none). */
export async function completeSepTraining(t: TTestApp, client: TClient, planYear: number): Promise<void> {
  const training = (await client.get('/api/resources/sep-training')).json<TSepTraining>();
  const year = training.find((y) => y.planYear === planYear);
  if (year?.completedAt) return;
  const courseId = year?.course?.id ?? (await publishAsStaff(t, { kind: 'course', title: `SEP training ${planYear}`, planYear, sepCourse: true })).id;
  const response = await client.put(`/api/resources/courses/${courseId}/completion`);
  if (response.statusCode !== 200) throw new Error(`completion failed: ${response.statusCode} ${response.body}`);
}
