// Forms and training (BK-6) as the web uses them; shapes and routes are src/shared/resource-schemas.ts's.
import { z } from 'zod';
import {
  ZCourse,
  ZResource,
  ZSepTraining,
  ZStaffResource,
  type TCourse,
  type TPublishResource,
  type TResource,
  type TResourceQuery,
  type TSepTraining,
  type TStaffResource,
  type TStaffResourceQuery,
} from '../../../shared/resource-schemas.ts';
import { ZUpload, type TUpload } from '../../../shared/service-request-schemas.ts';
import { apiRequest, queryString } from '../../api.ts';
import { sendFile } from '../../send-file.ts';

export const resourceKeys = {
  all: ['resources'] as const,
  forms: (query: TResourceQuery) => ['resources', 'forms', query] as const,
  courses: (query: TResourceQuery) => ['resources', 'courses', query] as const,
  course: (id: string) => ['resources', 'course', id] as const,
  sepTraining: ['resources', 'sep-training'] as const,
  staff: (query: TStaffResourceQuery) => ['resources', 'staff', query] as const,
};

export function fetchForms(query: TResourceQuery): Promise<TResource[]> {
  return apiRequest(`/api/resources/forms${queryString(query)}`, { schema: z.array(ZResource) });
}

export function fetchCourses(query: TResourceQuery): Promise<TCourse[]> {
  return apiRequest(`/api/resources/courses${queryString(query)}`, { schema: z.array(ZCourse) });
}

export function fetchCourse(id: string): Promise<TCourse> {
  return apiRequest(`/api/resources/courses/${encodeURIComponent(id)}`, { schema: ZCourse });
}

export function completeCourse(id: string): Promise<TCourse> {
  return apiRequest(`/api/resources/courses/${encodeURIComponent(id)}/completion`, { method: 'PUT', schema: ZCourse });
}

export function fetchSepTraining(): Promise<TSepTraining> {
  return apiRequest('/api/resources/sep-training', { schema: ZSepTraining });
}

/** The PDF's address: a plain link downloads it (the session cookie goes with it). */
export function resourceFileUrl(id: string): string {
  return `/api/resources/${encodeURIComponent(id)}/file`;
}

export function fetchStaffResources(query: TStaffResourceQuery): Promise<TStaffResource[]> {
  return apiRequest(`/api/staff/resources${queryString(query)}`, { schema: z.array(ZStaffResource) });
}

export function staffResourceFileUrl(id: string): string {
  return `/api/staff/resources/${encodeURIComponent(id)}/file`;
}

export function uploadResourceFile(file: File, onProgress: (fraction: number) => void): Promise<TUpload> {
  return sendFile({
    method: 'POST',
    url: '/api/staff/resources/files',
    file,
    schema: ZUpload,
    onProgress,
    failure: 'The PDF could not be uploaded. Please try again.',
  });
}

export function publishResource(body: TPublishResource): Promise<TStaffResource> {
  return apiRequest('/api/staff/resources', { method: 'POST', body, schema: ZStaffResource });
}

export function retireResource(id: string): Promise<TStaffResource> {
  return apiRequest(`/api/staff/resources/${encodeURIComponent(id)}/retire`, { method: 'POST', schema: ZStaffResource });
}
